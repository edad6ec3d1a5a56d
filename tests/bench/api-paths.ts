/** The benchmark's baseline route: one plain insert through the API's own HTTP stack. */
export const BASELINE_PATH = '/v1/bench/baseline'
