package dev.lanes.runtime.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.RpcCall;
import dev.lanes.spi.protocol.RpcReply;
import dev.lanes.spi.protocol.RunnerRpc;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The JSON codec of the protocol (Jackson, shaded in the runtime jar). Each message is an object
 * {@code {"type": ..., ...}}; the type names the closed set of messages, and RPC arguments and
 * results are typed from the RPC interfaces given at construction — no polymorphic default typing.
 */
public final class JsonCodec implements Codec {
  /** Largest message accepted, in characters; larger ones are refused with an error, never half-read. */
  public static final int MAX_MESSAGE_CHARS = 64 * 1024 * 1024;

  private static final Map<String, Class<? extends Message>> CONTROL = Map.of(
      "start", WorkerRequest.Start.class,
      "run", WorkerRequest.Run.class,
      "collect", WorkerRequest.Collect.class,
      "cancel", WorkerRequest.Cancel.class,
      "stop", WorkerRequest.Stop.class,
      "started", WorkerResponse.Started.class,
      "testfileFinished", WorkerResponse.TestFileFinished.class,
      "stopped", WorkerResponse.Stopped.class);

  private final ObjectMapper mapper;
  private final Map<String, Method> methods = new HashMap<>();
  private final Map<Class<?>, String> names = new HashMap<>();

  private JsonCodec(List<Class<?>> rpcInterfaces) {
    this.mapper = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(MAX_MESSAGE_CHARS).build());
    CONTROL.forEach((name, type) -> names.put(type, name));
    for (Class<?> rpc : rpcInterfaces) {
      for (Method method : rpc.getMethods()) {
        Method previous = methods.put(method.getName(), method);
        if (previous != null && !previous.equals(method)) {
          throw new IllegalArgumentException("RPC method '" + method.getName() + "' is declared by both "
              + previous.getDeclaringClass().getName() + " and " + rpc.getName());
        }
      }
    }
  }

  private static final JsonCodec PROTOCOL = new JsonCodec(List.of(RuntimeRpc.class, RunnerRpc.class));

  /**
   * The codec for Lanes' own protocol: control messages plus {@link RuntimeRpc} and {@link RunnerRpc}.
   * One instance per class loader, thread-safe, so its caches stay warm across workers.
   */
  public static JsonCodec forProtocol() {
    return PROTOCOL;
  }

  /** A codec for other RPC interfaces too (a custom pool's own methods). Method names must be unique. */
  public static JsonCodec forInterfaces(Class<?>... rpcInterfaces) {
    List<Class<?>> all = new ArrayList<>(List.of(RuntimeRpc.class, RunnerRpc.class));
    all.addAll(List.of(rpcInterfaces));
    return new JsonCodec(all);
  }

  /** Writes the message straight to text, without building a tree of it first (the worker's hottest path). */
  @Override
  public String encode(Message message) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator json = mapper.createGenerator(text)) {
      json.writeStartObject();
      if (message instanceof RpcCall call) {
        writeHeader(json, "call", call.id(), call.method());
        json.writeArrayFieldStart("args");
        for (Object arg : call.args()) {
          mapper.writeValue(json, arg);
        }
        json.writeEndArray();
      } else if (message instanceof RpcReply reply) {
        writeHeader(json, "reply", reply.id(), reply.method());
        if (reply.result().isPresent()) {
          json.writeFieldName("result");
          mapper.writeValue(json, reply.result().get());
        }
        if (reply.error().isPresent()) {
          json.writeFieldName("error");
          mapper.writeValue(json, reply.error().get());
        }
      } else {
        String name = names.get(message.getClass());
        if (name == null) {
          throw new IllegalArgumentException("not a protocol message: " + message.getClass().getName());
        }
        json.writeStringField("type", name);
        json.writeFieldName("body");
        mapper.writeValue(json, message);
      }
      json.writeEndObject();
    } catch (IOException | IllegalArgumentException e) {
      throw new CodecException("cannot encode " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    return text.toString();
  }

  private static void writeHeader(JsonGenerator json, String type, long id, String method) throws IOException {
    json.writeStringField("type", type);
    json.writeNumberField("id", id);
    json.writeStringField("method", method);
  }

  @Override
  public Message decode(String text) {
    if (text == null || text.length() > MAX_MESSAGE_CHARS) {
      throw new CodecException("message refused: " + (text == null ? "null" : text.length() + " characters, over "
          + MAX_MESSAGE_CHARS), null);
    }
    try {
      JsonNode node = mapper.readTree(text);
      String type = node == null || !node.isObject() ? null : node.path("type").asText(null);
      if (type == null) {
        throw new CodecException("malformed message, no \"type\": " + abbreviate(text), null);
      }
      return switch (type) {
        case "call" -> decodeCall(node);
        case "reply" -> decodeReply(node);
        default -> {
          Class<? extends Message> control = CONTROL.get(type);
          if (control == null) {
            throw new CodecException("unknown message type '" + type + "'; known: call, reply, "
                + String.join(", ", CONTROL.keySet().stream().sorted().toList()), null);
          }
          yield mapper.treeToValue(node.path("body"), control);
        }
      };
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CodecException("malformed message: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + " in " + abbreviate(text), e);
    }
  }

  private RpcCall decodeCall(JsonNode node) {
    String name = node.path("method").asText("");
    Method method = methodNamed(name);
    Type[] types = method.getGenericParameterTypes();
    JsonNode args = node.path("args");
    if (!args.isArray() || args.size() != types.length) {
      throw new CodecException("call of '" + name + "' has " + args.size() + " arguments, expected " + types.length,
          null);
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      values.add(convert(args.get(i), types[i]));
    }
    return new RpcCall(node.path("id").asLong(), name, values);
  }

  private RpcReply decodeReply(JsonNode node) {
    String name = node.path("method").asText("");
    Method method = methodNamed(name);
    Optional<Object> result = node.hasNonNull("result")
        ? Optional.ofNullable(convert(node.get("result"), resultType(method)))
        : Optional.empty();
    Optional<TestError> error = node.hasNonNull("error")
        ? Optional.of((TestError) convert(node.get("error"), TestError.class))
        : Optional.empty();
    return new RpcReply(node.path("id").asLong(), name, result, error);
  }

  private Method methodNamed(String name) {
    Method method = methods.get(name);
    if (method == null) {
      throw new CodecException("unknown RPC method '" + name + "'", null);
    }
    return method;
  }

  private Object convert(JsonNode node, Type type) {
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    try {
      return mapper.treeToValue(node, javaType); // reads the tree itself; convertValue would copy it to tokens first
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  private static Type resultType(Method method) {
    Type type = method.getGenericReturnType();
    if (type instanceof ParameterizedType parameterized
        && CompletionStage.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
      return parameterized.getActualTypeArguments()[0];
    }
    return Object.class;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
  }

}
