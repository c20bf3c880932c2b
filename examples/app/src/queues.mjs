// Every queue of the app, declared in one place.
export const queues = {
  emails_dlq: {},
  emails: { retryLimit: 3, deadLetter: 'emails_dlq' },
  reports: { policy: 'singleton', expireInSeconds: 3600 },
};

export async function declareQueues(boss) {
  for (const [name, options] of Object.entries(queues)) {
    await boss.createQueue(name, options);
  }
}
