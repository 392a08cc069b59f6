package dev.lanes.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.RpcCall;
import dev.lanes.spi.protocol.RpcReply;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.protocol.WorkerSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonCodecTest {
  private final Codec codec = JsonCodec.forProtocol();

  static Stream<Message> messages() {
    Task test = new Task("1_0", "adds()", TaskType.TEST, TaskMode.RUN, Optional.of("[engine:junit-jupiter]/[method:adds()]"),
        Optional.of(new Task.Location("com.acme.FooTest", 0)), List.of());
    Task file = new Task("1", "com.acme.FooTest", TaskType.FILE, TaskMode.RUN, Optional.empty(), Optional.empty(), List.of(test));
    TestError error = new TestError("org.opentest4j.AssertionFailedError", "boom", Optional.of("\tat x(X.java:1)\n"),
        Optional.of("3"), Optional.of("4"), Optional.of(TestError.of("java.lang.IllegalStateException", "cause")));
    return Stream.of(
        new WorkerRequest.Start(1, 7, "threads", "unit", true, WorkerSettings.builder()
            .testTimeout(java.time.Duration.ofSeconds(5)).retry(2).tags(List.of("fast | slow"))
            .configurationParameters(Map.of("junit.jupiter.execution.parallel.enabled", "true")).build()),
        new WorkerRequest.Run(List.of(FileSpec.of("com.acme.FooTest", "1"))),
        new WorkerRequest.Collect(List.of(new FileSpec("com.acme.FooTest", "1", Optional.of("add"), List.of("u1")))),
        new WorkerRequest.Cancel("keyboard-input"),
        new WorkerRequest.Stop(),
        WorkerResponse.Started.ok(),
        new WorkerResponse.TestFileFinished(Optional.of(error), Optional.of(1024L)),
        new WorkerResponse.Stopped(Optional.empty()),
        new RpcCall(0, "onCollected", List.of(List.of(file))),
        new RpcCall(0, "onTaskUpdate", List.of(List.of(new TaskResultPack("1_0", TaskResult.failed(3, List.of(error)))),
            List.of(new TaskEventPack("1_0", TaskEvent.TEST_FINISHED)))),
        new RpcCall(0, "onUserConsoleLog", List.of(new UserConsoleLog("hi\n", UserConsoleLog.ConsoleStream.STDERR,
            Optional.of("1_0"), 12L))),
        new RpcCall(3, "getCountOfFailedTests", List.of()),
        new RpcReply(3, "getCountOfFailedTests", Optional.of(2), Optional.empty()));
  }

  @ParameterizedTest
  @MethodSource("messages")
  void everyMessageSurvivesARoundTrip(Message message) {
    assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
  }

  @Test
  void malformedTextIsRefusedWithAReason() {
    assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(Codec.CodecException.class)
        .hasMessageContaining("malformed message");
    assertThatThrownBy(() -> codec.decode("{\"type\":\"explode\"}")).isInstanceOf(Codec.CodecException.class)
        .hasMessageContaining("unknown message type 'explode'");
    assertThatThrownBy(() -> codec.decode("{\"type\":\"call\",\"id\":1,\"method\":\"rm\",\"args\":[]}"))
        .isInstanceOf(Codec.CodecException.class).hasMessageContaining("unknown RPC method 'rm'");
    assertThatThrownBy(() -> codec.decode("{\"type\":\"run\",\"body\":{\"files\":[],\"extra\":1}}"))
        .isInstanceOf(Codec.CodecException.class);
  }

  @Test
  void anOversizedMessageIsRefusedWithoutReadingIt() {
    String huge = "x".repeat(JsonCodec.MAX_MESSAGE_CHARS + 1);

    assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(Codec.CodecException.class)
        .hasMessageContaining("message refused");
  }
}
