package dev.lanes.testkit;

import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.WorkerExit;
import dev.lanes.spi.WorkerFactory;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.support.AbstractPoolWorker;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Workers that break the rules on purpose, for testing what runs them (the core's scheduler, or your own
 * pool): one that never starts, one that exits while running a file, one that ignores the stop request.
 * {@link #provider} makes a pool of any of them to run through {@link PoolTestKit#provider}.
 */
public final class FaultyPoolWorkers {
  private FaultyPoolWorkers() {
  }

  /** {@code start()} never completes: the scheduler's start time-out must fail the file. */
  public static PoolWorker neverStarts(WorkerOptions options) {
    return new Scripted(options) {
      @Override
      public CompletionStage<Void> start() {
        return new CompletableFuture<>();
      }
    };
  }

  /** Starts, then exits with {@code exitCode} as soon as it is asked to run a file. */
  public static PoolWorker exitsDuringRun(WorkerOptions options, int exitCode) {
    return new Scripted(options) {
      @Override
      void onRun() {
        listeners.exit(WorkerExit.code(exitCode, "exit code " + exitCode));
      }
    };
  }

  /**
   * Starts, says it finished every file it is given without reporting any (so the scheduler stops it politely),
   * and never answers {@code stop}: it must be stopped by force after the teardown time-out.
   */
  public static PoolWorker ignoresStop(WorkerOptions options) {
    return new Scripted(options) {
      @Override
      void onRun() {
        listeners.message(new WorkerResponse.TestFileFinished(Optional.empty(), Optional.empty()));
      }

      @Override
      void onStop() {
        // silence
      }
    };
  }

  /** A pool named {@code name} whose workers {@code factory} makes, scheduled by Lanes' core. */
  public static PoolProvider provider(String name, WorkerFactory factory) {
    return new PoolProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Module module() {
        return new PoolModule() {
          @Override
          protected void configure() {
          }

          @Provides
          @Singleton
          ProcessPool pool(PoolContext context) {
            return context.workerPool(factory);
          }
        };
      }
    };
  }

  /** A worker that answers the protocol with canned responses; subclasses break one rule. */
  abstract static class Scripted extends AbstractPoolWorker {
    private final WorkerOptions options;

    Scripted(WorkerOptions options) {
      this.options = options;
    }

    @Override
    public String name() {
      return options.pool();
    }

    @Override
    public CompletionStage<Void> start() {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> stop() {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void send(Message message) {
      if (message instanceof WorkerRequest.Start) {
        CompletableFuture.runAsync(() -> listeners.message(WorkerResponse.Started.ok()));
      } else if (message instanceof WorkerRequest.Run || message instanceof WorkerRequest.Collect) {
        CompletableFuture.runAsync(this::onRun);
      } else if (message instanceof WorkerRequest.Stop) {
        CompletableFuture.runAsync(this::onStop);
      }
    }

    void onRun() {
      listeners.message(new WorkerResponse.TestFileFinished(Optional.of(TestError.of("ScriptedWorker",
          "a scripted worker runs no tests")), Optional.empty()));
    }

    void onStop() {
      listeners.message(new WorkerResponse.Stopped(Optional.empty()));
    }

    @Override
    public boolean canReuse(dev.lanes.spi.TestSpecification next) {
      return false;
    }
  }
}
