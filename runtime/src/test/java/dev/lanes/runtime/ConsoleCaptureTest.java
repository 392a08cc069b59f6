package dev.lanes.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class ConsoleCaptureTest {
  private final ThreadLocal<BiConsumer<Boolean, String>> sink = new ThreadLocal<>();
  private final List<UserConsoleLog> sent = new ArrayList<>();
  private final ConsoleCapture capture = new ConsoleCapture(sink, sent::add);

  @Test
  void aFlushSendsWhatWasPrintedAndTheEndSendsTheRest() {
    capture.attribute("t1");
    sink.get().accept(false, "before the flush\n");
    sink.get().accept(true, "on stderr\n");
    sink.get().accept(false, null);

    assertThat(sent).extracting(UserConsoleLog::content).containsExactly("before the flush\n", "on stderr\n");
    assertThat(sent).extracting(UserConsoleLog::taskId).containsOnly(Optional.of("t1"));

    sink.get().accept(false, "after it\n");
    assertThat(capture.drain("t1", Optional.of("t1"))).extracting(UserConsoleLog::content).containsExactly("after it\n");
    assertThat(capture.drain("t1", Optional.of("t1"))).isEmpty();
  }

  @Test
  void theBoundCountsWhatFlushesAlreadySent() {
    capture.attribute("t1");
    String chunk = "x".repeat(ConsoleCapture.MAX_CHARS_PER_TASK / 2);
    for (int i = 0; i < 3; i++) {
      sink.get().accept(false, chunk);
      sink.get().accept(false, null);
    }

    List<UserConsoleLog> end = capture.drain("t1", Optional.of("t1"));
    assertThat(sent.stream().mapToInt(log -> log.content().length()).sum()).isEqualTo(ConsoleCapture.MAX_CHARS_PER_TASK);
    assertThat(end).singleElement().extracting(UserConsoleLog::content).asString()
        .isEqualTo("\n[lanes] output truncated: " + chunk.length() + " more characters were dropped\n");
  }

  @Test
  void withoutAFlushTheOutputWaitsForTheEnd() {
    BiConsumer<Boolean, String> previous = capture.attribute("t1");
    sink.get().accept(false, "kept\n");
    capture.restore(previous);

    assertThat(sent).isEmpty();
    assertThat(sink.get()).isNull();
    assertThat(capture.drain("t1", Optional.of("t1"))).extracting(UserConsoleLog::content).containsExactly("kept\n");
  }
}
