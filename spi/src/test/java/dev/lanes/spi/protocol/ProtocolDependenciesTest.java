package dev.lanes.spi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The protocol is what both sides of a worker share: its signatures may name only the JDK and itself. */
class ProtocolDependenciesTest {
  @Test
  void protocolSignaturesUseOnlyTheJdkAndTheProtocol() throws Exception {
    TreeSet<String> foreign = new TreeSet<>();
    for (Class<?> type : protocolClasses()) {
      for (Class<?> used : signatureTypes(type)) {
        Class<?> element = used;
        while (element.isArray()) {
          element = element.getComponentType();
        }
        String name = element.getName();
        if (!element.isPrimitive() && !name.startsWith("java.") && !name.startsWith(Message.class.getPackageName() + ".")) {
          foreign.add(type.getName() + " uses " + name);
        }
      }
    }
    assertThat(foreign).isEmpty();
  }

  private static List<Class<?>> protocolClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(Message.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = root.resolve(Message.class.getPackageName().replace('.', '/'));
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String simple = file.getFileName().toString().replace(".class", "");
        classes.add(Class.forName(Message.class.getPackageName() + "." + simple));
      }
    }
    assertThat(classes).hasSizeGreaterThan(15);
    return classes;
  }

  private static List<Class<?>> signatureTypes(Class<?> type) {
    List<Class<?>> used = new ArrayList<>();
    if (type.getSuperclass() != null) {
      used.add(type.getSuperclass());
    }
    used.addAll(List.of(type.getInterfaces()));
    for (Field field : type.getDeclaredFields()) {
      used.add(field.getType());
    }
    for (Method method : type.getDeclaredMethods()) {
      used.add(method.getReturnType());
      for (Parameter parameter : method.getParameters()) {
        used.add(parameter.getType());
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      used.addAll(List.of(constructor.getParameterTypes()));
    }
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        used.add(component.getType());
      }
    }
    return used;
  }
}
