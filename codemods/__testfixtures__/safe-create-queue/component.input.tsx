import { useEffect } from 'react';
import { boss } from './boss';

export function QueueBootstrap({ name }: { name: string }) {
  useEffect(() => {
    void boss.createQueue(name);
  }, [name]);
  return <p>Declaring {name}</p>;
}
