import { useEffect } from 'react';
import { boss } from './boss';
import { safeCreateQueue } from 'pg-boss-safe-create-queue';

export function QueueBootstrap({ name }: { name: string }) {
  useEffect(() => {
    void safeCreateQueue(boss, name);
  }, [name]);
  return <p>Declaring {name}</p>;
}
