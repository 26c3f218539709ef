/** What the server saw of one run: the browser test reads it to check that a stopped run was aborted. */
export interface RunRecord {
  id: number;
  endpoint: 'chat' | 'agui';
  status: 'running' | 'finished' | 'waiting-for-approval' | 'aborted' | 'error';
  /** Model requests started, and those cancelled by the run's abort. */
  modelRequests: number;
  modelRequestsCancelled: number;
  /** Tools that started, in order, and how many of them started after the abort (must stay 0). */
  toolsStarted: string[];
  toolsStartedAfterAbort: number;
}

/** The runs of this server, newest last. */
export class RunLog {
  readonly runs: RunRecord[] = [];

  start(endpoint: RunRecord['endpoint']): RunRecord {
    const record: RunRecord = {
      id: this.runs.length + 1,
      endpoint,
      status: 'running',
      modelRequests: 0,
      modelRequestsCancelled: 0,
      toolsStarted: [],
      toolsStartedAfterAbort: 0,
    };
    this.runs.push(record);
    return record;
  }
}
