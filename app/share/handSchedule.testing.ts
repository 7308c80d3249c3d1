/** A stand-in for `setTimeout` that a test fires by hand. */
export function handSchedule() {
  const tasks = new Set<{ task: () => void; ms: number }>();
  return {
    /** Queue `task`; returns the function that cancels it. */
    schedule(task: () => void, ms: number): () => void {
      const entry = { task, ms };
      tasks.add(entry);
      return () => void tasks.delete(entry);
    },
    /** The delays of the tasks neither run nor cancelled yet. */
    delays: (): number[] => [...tasks].map((entry) => entry.ms),
    /** Run every queued task (those they queue wait for the next call). */
    fire(): void {
      const due = [...tasks];
      tasks.clear();
      for (const entry of due) entry.task();
    },
  };
}
