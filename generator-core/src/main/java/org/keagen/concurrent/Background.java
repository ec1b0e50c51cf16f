package org.keagen.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A task running on a thread of its own while the caller goes on; {@link #join} returns its result
 * or rethrows what it threw, unwrapped. The task must not touch what the caller changes meanwhile.
 *
 * @param <T> the task's result
 */
public final class Background<T> {
  private final CompletableFuture<T> future;

  private Background(CompletableFuture<T> future) {
    this.future = future;
  }

  /** Starts {@code task} on a new daemon thread named {@code name}. */
  public static <T> Background<T> start(String name, Supplier<T> task) {
    return new Background<>(CompletableFuture.supplyAsync(task, runnable -> {
      Thread thread = new Thread(runnable, "keagen-" + name);
      thread.setDaemon(true);
      thread.start();
    }));
  }

  /** Waits for the task; its result, or what it threw. */
  public T join() {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
