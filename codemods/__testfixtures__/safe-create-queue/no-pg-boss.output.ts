import { SQSClient } from './sqs';

const sqs = new SQSClient();

export async function boot() {
  await sqs.createQueue({ QueueName: 'emails' });
}
