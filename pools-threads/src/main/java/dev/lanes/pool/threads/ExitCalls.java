package dev.lanes.pool.threads;

import dev.lanes.runtime.ClassReferences;
import java.nio.charset.StandardCharsets;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in the classes an in-process
 * pool defines into calls of the worker runtime's {@code Exits}, which throw instead of ending the JVM.
 * Works on every JDK (the SecurityManager that once did this is gone in JDK 24): direct calls and method
 * references are rewritten, and so are the ways to reach them by reflection or a method handle
 * ({@code Class.getMethod}, {@code getDeclaredMethod}, {@code Lookup.findStatic}, {@code findVirtual},
 * {@code unreflect}), which refuse those three methods. What still gets past (a library Lanes did not load, an
 * array of {@code getMethods()}) ends the JVM; the run then fails with the files that were running.
 */
public final class ExitCalls {
  private static final String EXITS = "dev/lanes/runtime/Exits";
  private static final byte[] EXIT = "exit".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HALT = "halt".getBytes(StandardCharsets.US_ASCII);

  private ExitCalls() {
  }

  /** The class with its exit calls rewritten, or the same array when it has none. */
  public static byte[] rewrite(byte[] classFile) {
    if (!namesExitOrHalt(classFile)) {
      return classFile; // cheap test first: most classes never name either method
    }
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    boolean[] changed = {false};
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                       String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
            String replacement = replacement(owner, method, desc);
            if (replacement != null) {
              changed[0] = true;
              super.visitMethodInsn(Opcodes.INVOKESTATIC, EXITS, replacement, staticDescriptor(owner), false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && isLookup(owner, method, desc)) {
              changed[0] = true; // the receiver becomes the first argument of Exits' method of the same name
              super.visitMethodInsn(Opcodes.INVOKESTATIC, EXITS, method, "(L" + owner + ";" + desc.substring(1), false);
            } else {
              super.visitMethodInsn(opcode, owner, method, desc, isInterface);
            }
          }

          @Override
          public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
            Object[] rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
              if (rewritten[i] instanceof Handle handle) {
                String replacement = replacement(handle.getOwner(), handle.getName(), handle.getDesc());
                if (replacement != null) {
                  changed[0] = true;
                  rewritten[i] = new Handle(Opcodes.H_INVOKESTATIC, EXITS, replacement,
                      staticDescriptor(handle.getOwner()), false);
                }
              }
            }
            super.visitInvokeDynamicInsn(method, desc, bootstrap, rewritten);
          }
        };
      }
    }, 0);
    return changed[0] ? writer.toByteArray() : classFile;
  }

  private static String replacement(String owner, String method, String descriptor) {
    if (!"(I)V".equals(descriptor)) {
      return null;
    }
    if ("java/lang/System".equals(owner) && "exit".equals(method)) {
      return "systemExit";
    }
    if ("java/lang/Runtime".equals(owner) && "exit".equals(method)) {
      return "runtimeExit";
    }
    if ("java/lang/Runtime".equals(owner) && "halt".equals(method)) {
      return "runtimeHalt";
    }
    return null;
  }

  /** The reflective and method-handle lookups that could reach an exit, which {@code Exits} has guarded twins of. */
  private static boolean isLookup(String owner, String method, String desc) {
    if ("java/lang/Class".equals(owner)) {
      return ("getMethod".equals(method) || "getDeclaredMethod".equals(method))
          && "(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;".equals(desc);
    }
    if ("java/lang/invoke/MethodHandles$Lookup".equals(owner)) {
      return (("findStatic".equals(method) || "findVirtual".equals(method))
          && "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle;".equals(desc))
          || ("unreflect".equals(method) && "(Ljava/lang/reflect/Method;)Ljava/lang/invoke/MethodHandle;".equals(desc));
    }
    return false;
  }

  private static String staticDescriptor(String owner) {
    return "java/lang/System".equals(owner) ? "(I)V" : "(Ljava/lang/Runtime;I)V";
  }

  /**
   * Whether the class's constant pool holds the name {@code exit} or {@code halt}: a walk over the pool's
   * entries, which a class that calls neither passes without a second look (a scan of all its bytes cost a
   * quarter of an isolated run). A class file cut short is left to {@code defineClass}, which says what is wrong.
   */
  static boolean namesExitOrHalt(byte[] bytes) {
    ClassReferences.Walk walk = ClassReferences.walkUtf8(bytes, (classFile, at, length) ->
        length == 4 && (matches(classFile, at, EXIT) || matches(classFile, at, HALT)));
    // a kind of entry newer than the walk: let the rewrite look
    return walk == ClassReferences.Walk.STOPPED || walk == ClassReferences.Walk.UNKNOWN_ENTRY;
  }

  private static boolean matches(byte[] bytes, int at, byte[] word) {
    for (int i = 0; i < word.length; i++) {
      if (bytes[at + i] != word[i]) {
        return false;
      }
    }
    return true;
  }
}
