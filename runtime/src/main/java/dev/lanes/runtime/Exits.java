package dev.lanes.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where in-process pools send a test's {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}:
 * their class loaders rewrite those calls to these methods, which throw instead of ending the JVM that
 * every other worker shares. The first call of a file is also kept, so the file fails even when the test
 * catches the error or calls from a thread of its own.
 */
public final class Exits {
  private static final AtomicReference<SystemExitError> CALLED = new AtomicReference<>();

  private Exits() {
  }

  /** Replaces {@code System.exit(status)}. */
  public static void systemExit(int status) {
    throw called("System.exit(" + status + ")", 2);
  }

  /** Replaces {@code runtime.exit(status)}. */
  public static void runtimeExit(Runtime runtime, int status) {
    throw called("Runtime.exit(" + status + ")", 2);
  }

  /** Replaces {@code runtime.halt(status)}. */
  public static void runtimeHalt(Runtime runtime, int status) {
    throw called("Runtime.halt(" + status + ")", 2);
  }

  /** Replaces {@code type.getMethod(name, parameters)}: refuses {@code System.exit}, {@code Runtime.exit}/{@code halt}. */
  public static Method getMethod(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
    refuse(type, name, parameters);
    return type.getMethod(name, parameters);
  }

  /** Replaces {@code type.getDeclaredMethod(name, parameters)}, as {@link #getMethod}. */
  public static Method getDeclaredMethod(Class<?> type, String name, Class<?>... parameters)
      throws NoSuchMethodException {
    refuse(type, name, parameters);
    return type.getDeclaredMethod(name, parameters);
  }

  /** Replaces {@code lookup.findStatic(type, name, methodType)}, as {@link #getMethod}. */
  public static MethodHandle findStatic(MethodHandles.Lookup lookup, Class<?> type, String name, MethodType methodType)
      throws NoSuchMethodException, IllegalAccessException {
    refuse(type, name, methodType.parameterArray());
    return lookup.findStatic(type, name, methodType);
  }

  /** Replaces {@code lookup.findVirtual(type, name, methodType)}, as {@link #getMethod}. */
  public static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> type, String name, MethodType methodType)
      throws NoSuchMethodException, IllegalAccessException {
    refuse(type, name, methodType.parameterArray());
    return lookup.findVirtual(type, name, methodType);
  }

  /** Replaces {@code lookup.unreflect(method)}, as {@link #getMethod}. */
  public static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method) throws IllegalAccessException {
    refuse(method.getDeclaringClass(), method.getName(), method.getParameterTypes());
    return lookup.unreflect(method);
  }

  private static void refuse(Class<?> type, String name, Class<?>[] parameters) {
    boolean exit = (type == System.class && name.equals("exit"))
        || (type == Runtime.class && (name.equals("exit") || name.equals("halt")));
    if (exit && parameters.length == 1 && parameters[0] == int.class) {
      throw called(type.getSimpleName() + "." + name + " (looked up to be called by reflection or a method handle)",
          3);
    }
  }

  /** The first exit attempted since the last call, if any. */
  public static Optional<SystemExitError> take() {
    return Optional.ofNullable(CALLED.getAndSet(null));
  }

  /** The error of an exit attempt; the caller's frame is {@code depth} frames above this method. */
  private static SystemExitError called(String call, int depth) {
    String frame = StackWalker.getInstance().walk(frames -> frames.skip(depth).findFirst())
        .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
        .orElse("an unknown frame");
    SystemExitError error = new SystemExitError(call + " called from " + frame
        + "; a test in an in-process pool may not end the JVM (use the forks pool to test exits)");
    CALLED.compareAndSet(null, error);
    return error;
  }

  /** Thrown in place of ending the JVM. An {@link Error}, so {@code catch (Exception e)} does not swallow it. */
  public static final class SystemExitError extends Error {
    private static final long serialVersionUID = 1L;

    SystemExitError(String message) {
      super(message);
    }
  }
}
