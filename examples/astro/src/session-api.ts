/** Where the session API runs: the demo server (`npm start` in the repository) or your own. */
export const sessionApi = process.env.SESSION_API_ORIGIN ?? 'http://127.0.0.1:5173';
