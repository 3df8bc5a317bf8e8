import { resetDemoData } from './data.js';

// `npm run demo:reset`: the next `npm start` creates and seeds a fresh database.
const removed = resetDemoData();
console.log(removed.length ? `Removed ${removed.join(' and ')}` : 'Nothing to remove.');
