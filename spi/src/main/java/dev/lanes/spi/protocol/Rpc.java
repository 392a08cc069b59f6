package dev.lanes.spi.protocol;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A birpc-like, transport-neutral RPC: both sides expose an object of local methods and get a
 * proxy of the remote side. Remote methods returning {@code void} are one-way events; methods
 * returning a {@link CompletionStage} are calls with an id and a reply. There is no per-call
 * time-out (Vitest removed it: it failed green runs); pending calls are rejected by {@link #close}.
 *
 * <p>The object is thread-safe: any thread may call the proxy and {@link #accept}.
 */
public final class Rpc<R> {
  private final Map<String, Method> localMethods;
  private final Object local;
  private final Consumer<? super Message> post;
  private final R remote;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
  private volatile String closedReason;
  private volatile Consumer<Throwable> localErrors = e -> { };

  private Rpc(Object local, Class<R> remoteType, Consumer<? super Message> post) {
    this.local = local;
    this.localMethods = methodsOf(local.getClass());
    this.post = post;
    this.remote = remoteType.cast(Proxy.newProxyInstance(remoteType.getClassLoader(), new Class<?>[] {remoteType},
        (proxy, method, args) -> invokeRemote(method, args)));
    for (Method method : remoteType.getMethods()) {
      if (method.getReturnType() != void.class && !CompletionStage.class.isAssignableFrom(method.getReturnType())) {
        throw new IllegalArgumentException("remote method " + remoteType.getSimpleName() + "." + method.getName()
            + " must return void (an event) or a CompletionStage (a call)");
      }
    }
  }

  /** An endpoint whose outgoing frames go to {@code post}; feed incoming frames to {@link #accept}. */
  public static <R> Rpc<R> create(Object localMethods, Class<R> remoteType, Consumer<? super Message> post) {
    return new Rpc<>(localMethods, remoteType, post);
  }

  /** An endpoint that owns a text channel: frames are encoded with {@code codec} and decoded as they arrive. */
  public static <R> Rpc<R> create(Object localMethods, Class<R> remoteType, MessageChannel channel, Codec codec) {
    Rpc<R> rpc = new Rpc<>(localMethods, remoteType, message -> channel.post(codec.encode(message)));
    channel.onMessage(text -> {
      try {
        rpc.accept(codec.decode(text));
      } catch (RuntimeException e) {
        rpc.localErrors.accept(e);
      }
    });
    return rpc;
  }

  /** The proxy of the other side. */
  public R remote() {
    return remote;
  }

  /** Where exceptions of local event handlers go (events have nobody to reply to). */
  public Rpc<R> onLocalError(Consumer<Throwable> handler) {
    this.localErrors = handler;
    return this;
  }

  /** Handles an incoming frame; returns {@code false} when the message is not an RPC frame. */
  public boolean accept(Message message) {
    if (message instanceof RpcCall call) {
      handleCall(call);
      return true;
    }
    if (message instanceof RpcReply reply) {
      CompletableFuture<Object> future = pending.remove(reply.id());
      if (future != null) {
        if (reply.error().isPresent()) {
          future.completeExceptionally(new RpcException(reply.method() + " failed on the other side: "
              + reply.error().get().headline(), reply.error().get()));
        } else {
          future.complete(reply.result().orElse(null));
        }
      }
      return true;
    }
    return false;
  }

  /** Rejects every pending call and every later one with {@code reason}. */
  public void close(String reason) {
    closedReason = reason;
    RpcException closed = new RpcException("RPC closed: " + reason, null);
    pending.values().forEach(f -> f.completeExceptionally(closed));
    pending.clear();
  }

  /** Calls not answered yet. */
  public int pendingCalls() {
    return pending.size();
  }

  private Object invokeRemote(Method method, Object[] args) {
    if (method.getDeclaringClass() == Object.class) {
      return switch (method.getName()) {
        case "toString" -> "Rpc proxy of " + method.getDeclaringClass().getSimpleName();
        case "hashCode" -> System.identityHashCode(this);
        case "equals" -> args[0] == remote;
        default -> throw new UnsupportedOperationException(method.getName());
      };
    }
    List<Object> arguments = args == null ? List.of() : Arrays.asList(args);
    if (method.getReturnType() == void.class) {
      if (closedReason == null) {
        post.accept(new RpcCall(0, method.getName(), arguments));
      }
      return null;
    }
    CompletableFuture<Object> future = new CompletableFuture<>();
    if (closedReason != null) {
      future.completeExceptionally(new RpcException("RPC closed: " + closedReason, null));
      return future;
    }
    long id = ids.incrementAndGet();
    pending.put(id, future);
    try {
      post.accept(new RpcCall(id, method.getName(), arguments));
    } catch (RuntimeException e) {
      pending.remove(id);
      future.completeExceptionally(e);
    }
    return future;
  }

  private void handleCall(RpcCall call) {
    Method method = localMethods.get(call.method());
    if (method == null) {
      fail(call, new IllegalArgumentException("unknown method '" + call.method() + "'; known: "
          + localMethods.keySet().stream().sorted().toList()));
      return;
    }
    Object result;
    try {
      result = method.invoke(local, call.args().toArray());
    } catch (InvocationTargetException e) {
      fail(call, e.getCause());
      return;
    } catch (IllegalAccessException | IllegalArgumentException e) {
      fail(call, e);
      return;
    }
    if (call.isEvent()) {
      return;
    }
    if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete((value, error) -> {
        if (error != null) {
          fail(call, error);
        } else {
          reply(call, value, null);
        }
      });
    } else {
      reply(call, result, null);
    }
  }

  private void fail(RpcCall call, Throwable error) {
    if (call.isEvent()) {
      localErrors.accept(error);
    } else {
      reply(call, null, TestErrors.of(error));
    }
  }

  private void reply(RpcCall call, Object value, TestError error) {
    if (closedReason == null) {
      post.accept(new RpcReply(call.id(), call.method(), Optional.ofNullable(value), Optional.ofNullable(error)));
    }
  }

  private static Map<String, Method> methodsOf(Class<?> type) {
    Map<String, Method> methods = new HashMap<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      collectInterfaceMethods(c, methods);
    }
    return Map.copyOf(methods);
  }

  private static void collectInterfaceMethods(Class<?> type, Map<String, Method> methods) {
    for (Class<?> iface : type.getInterfaces()) {
      for (Method method : iface.getMethods()) {
        Method previous = methods.putIfAbsent(method.getName(), method);
        if (previous != null && !previous.equals(method)
            && !Arrays.equals(previous.getParameterTypes(), method.getParameterTypes())) {
          throw new IllegalArgumentException("overloaded RPC method '" + method.getName() + "' is not supported");
        }
      }
      collectInterfaceMethods(iface, methods);
    }
  }
}
