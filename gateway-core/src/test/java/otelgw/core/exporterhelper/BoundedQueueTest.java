package otelgw.core.exporterhelper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedQueueTest {

  /** Elements weigh their value. */
  private final BoundedQueue<Integer> queue = new BoundedQueue<>(10, Integer::longValue);

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicReference<Thread> worker = new AtomicReference<>();

  @AfterEach
  void stop() {
    queue.close();
    threads.shutdownNow();
  }

  @Test
  void pollIfTakesTheOldestOnlyWhenItIsWantedAndMakesRoom() throws Exception {
    queue.offer(4, false);
    queue.offer(5, false);

    assertThat(queue.pollIf(e -> e > 4)).as("the oldest is 4: not wanted, left").isNull();
    assertThat(queue.size()).isEqualTo(9);
    assertThat(queue.pollIf(e -> e == 4)).isEqualTo(4);
    assertThat(queue.size()).isEqualTo(5);
    assertThat(queue.offer(5, false)).as("the room it made").isTrue();
    assertThat(queue.pollIf(e -> true)).isEqualTo(5);
    assertThat(queue.pollIf(e -> true)).isEqualTo(5);
    assertThat(queue.pollIf(e -> true)).as("empty").isNull();
  }

  @Test
  void isBoundedByWeightNotCount() throws Exception {
    assertThat(queue.offer(4, false)).isTrue();
    assertThat(queue.offer(5, false)).isTrue();
    assertThat(queue.size()).isEqualTo(9);

    assertThat(queue.offer(2, false)).isFalse(); // 11 > 10
    assertThat(queue.offer(1, false)).isTrue(); // exactly 10 fits
    assertThat(queue.size()).isEqualTo(10);
    assertThat(queue.capacity()).isEqualTo(10);

    assertThat(queue.take()).isEqualTo(4);
    assertThat(queue.size()).isEqualTo(6);
    assertThat(queue.offer(2, false)).isTrue();
  }

  @Test
  void anElementHeavierThanTheCapacityIsAcceptedWhenEmpty() throws Exception {
    assertThat(queue.offer(50, false)).isTrue();
    assertThat(queue.offer(1, false)).isFalse();

    assertThat(queue.take()).isEqualTo(50);
    assertThat(queue.size()).isZero();
    assertThat(queue.offer(1, false)).isTrue();
  }

  @Test
  void isFirstInFirstOut() throws Exception {
    queue.offer(1, false);
    queue.offer(2, false);
    queue.offer(3, false);

    assertThat(queue.take()).isEqualTo(1);
    assertThat(queue.poll()).isEqualTo(2);
    assertThat(queue.take()).isEqualTo(3);
    assertThat(queue.poll()).isNull();
  }

  @Test
  void aBlockingOfferWaitsUntilATakeFreesRoom() throws Exception {
    queue.offer(8, false);

    CompletableFuture<Boolean> offered = inWorker(() -> queue.offer(5, true));
    awaitWorkerWaiting();
    assertThat(offered).isNotDone();
    assertThat(queue.size()).isEqualTo(8);

    assertThat(queue.take()).isEqualTo(8);

    assertThat(offered.get()).isTrue();
    assertThat(queue.size()).isEqualTo(5);
  }

  @Test
  void takeWaitsForAnElement() throws Exception {
    CompletableFuture<Integer> taken = inWorker(queue::take);
    awaitWorkerWaiting();
    assertThat(taken).isNotDone();

    queue.offer(3, false);

    assertThat(taken.get()).isEqualTo(3);
  }

  @Test
  void closeWakesABlockedOfferWhichFails() throws Exception {
    queue.offer(10, false);
    CompletableFuture<Boolean> offered = inWorker(() -> queue.offer(1, true));
    awaitWorkerWaiting();

    queue.close();

    assertThat(offered.get()).isFalse();
    assertThat(queue.size()).isEqualTo(10);
  }

  @Test
  void closeWakesAWaitingTakeWhichReturnsNull() throws Exception {
    CompletableFuture<Integer> taken = inWorker(queue::take);
    awaitWorkerWaiting();

    queue.close();

    assertThat(taken.get()).isNull();
  }

  @Test
  void afterCloseNothingIsLetInAndWhatIsLeftCanBeTaken() throws Exception {
    queue.offer(1, false);
    queue.offer(2, false);

    queue.close();

    assertThat(queue.offer(3, false)).isFalse();
    assertThat(queue.offer(3, true)).isFalse();
    assertThat(queue.take()).isEqualTo(1);
    assertThat(queue.take()).isEqualTo(2);
    assertThat(queue.take()).isNull();
  }

  private interface Call<T> {
    T call() throws Exception;
  }

  private <T> CompletableFuture<T> inWorker(Call<T> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    threads.execute(
        () -> {
          worker.set(Thread.currentThread());
          try {
            result.complete(call.call());
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  private void awaitWorkerWaiting() {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                worker.get() != null
                    && (worker.get().getState() == Thread.State.WAITING
                        || worker.get().getState() == Thread.State.TIMED_WAITING));
  }
}
