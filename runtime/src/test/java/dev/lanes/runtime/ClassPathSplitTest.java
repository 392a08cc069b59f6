package dev.lanes.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathSplitTest {
  @TempDir
  Path root;

  @Test
  void jarsWithAClassInAPackageOfTheFoldersGoWithTheFolders() throws IOException {
    Path tests = folder("test-classes", "com/acme/WidgetTest.class", "com/acme/util/Helper.class");
    Path main = folder("classes", "org/example/Main.class");
    Path library = jar("acme-widgets.jar", "com/acme/Widget.class", "META-INF/MANIFEST.MF");
    Path junit = jar("junit.jar", "org/junit/Test.class", "com/acme/readme.txt");
    Path versioned = jar("versioned.jar", "META-INF/versions/17/com/acme/Widget.class", "net/other/Thing.class");
    Path utilities = jar("acme-util.jar", "com/acme/util/Strings.class");

    ClassPathSplit split = ClassPathSplit.of(List.of(tests, main, junit, library, versioned, utilities));

    assertThat(split.own()).containsExactly(tests, main, library, utilities);
    assertThat(split.libraries()).containsExactly(junit, versioned);
  }

  @Test
  void aJarThatUsesAClassOfAJarThatMovedMovesToo() throws IOException {
    Path tests = folder("test-classes", "com/acme/WidgetTest.class");
    Path sources = Files.createDirectories(root.resolve("src"));
    Files.createDirectories(sources.resolve("com/acme"));
    Files.createDirectories(sources.resolve("org/text"));
    Files.createDirectories(sources.resolve("org/plain"));
    Files.writeString(sources.resolve("com/acme/Widget.java"), "package com.acme; public class Widget { }");
    Files.writeString(sources.resolve("org/text/Builder.java"),
        "package org.text; public class Builder { public Object widget() { return new com.acme.Widget(); } }");
    Files.writeString(sources.resolve("org/plain/Plain.java"), "package org.plain; public class Plain { }");
    Path classes = Files.createDirectories(root.resolve("compiled"));
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
        sources.resolve("com/acme/Widget.java").toString(), sources.resolve("org/text/Builder.java").toString(),
        sources.resolve("org/plain/Plain.java").toString())).isZero();
    Path widgets = jarOf("widgets.jar", classes, "com/acme/Widget.class");
    Path text = jarOf("text.jar", classes, "org/text/Builder.class");
    Path plain = jarOf("plain.jar", classes, "org/plain/Plain.class");

    ClassPathSplit split = ClassPathSplit.of(List.of(tests, text, plain, widgets));

    assertThat(split.own()).containsExactly(tests, text, widgets);
    assertThat(split.libraries()).containsExactly(plain);
  }

  @Test
  void withoutClassFoldersEveryJarIsALibrary() throws IOException {
    Path junit = jar("junit.jar", "org/junit/Test.class");
    Path missing = root.resolve("no-such.jar");

    ClassPathSplit split = ClassPathSplit.of(List.of(junit, missing));

    assertThat(split.own()).isEmpty();
    assertThat(split.libraries()).containsExactly(junit, missing);
  }

  @Test
  void theTestFrameworkKeepsJUnitAndWhatItUsesAndEverythingElseIsLoadedAnew() throws IOException {
    Path tests = folder("test-classes", "com/acme/WidgetTest.class");
    Path sources = Files.createDirectories(root.resolve("src"));
    for (String type : List.of("org/junit/jupiter/engine/Engine", "org/kotlin/Runtime", "org/kotlin/More",
        "com/acme/Widget", "org/mockito/Mock")) {
      String name = type.substring(type.lastIndexOf('/') + 1);
      String body = name.equals("Engine") ? "Object runtime() { return new org.kotlin.Runtime(); }" : "";
      Files.createDirectories(sources.resolve(type).getParent());
      Files.writeString(sources.resolve(type + ".java"), "package " + type.substring(0, type.lastIndexOf('/'))
          .replace('/', '.') + "; public class " + name + " { " + body + " }");
    }
    Path classes = Files.createDirectories(root.resolve("compiled"));
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
        sources.resolve("org/junit/jupiter/engine/Engine.java").toString(), sources.resolve("org/kotlin/Runtime.java")
            .toString(), sources.resolve("org/kotlin/More.java").toString(), sources.resolve("com/acme/Widget.java")
            .toString(), sources.resolve("org/mockito/Mock.java").toString())).isZero();
    Path engine = jarOf("jupiter-engine.jar", classes, "org/junit/jupiter/engine/Engine.class");
    Path opentest4j = jar("opentest4j.jar", "org/opentest4j/AssertionFailedError.class");
    Path kotlin = jarOf("kotlin-stdlib.jar", classes, "org/kotlin/Runtime.class");
    Path kotlinMore = jarOf("kotlin-more.jar", classes, "org/kotlin/More.class"); // shares the package of one it uses
    Path widgets = jarOf("widgets.jar", classes, "com/acme/Widget.class");
    Path mockito = jarOf("mockito.jar", classes, "org/mockito/Mock.class");
    Path missing = root.resolve("no-such.jar");

    ClassPathSplit split = ClassPathSplit.testFramework(
        List.of(tests, widgets, mockito, kotlinMore, engine, opentest4j, kotlin, missing));

    assertThat(split.libraries()).containsExactly(kotlinMore, engine, opentest4j, kotlin);
    assertThat(split.own()).containsExactly(tests, widgets, mockito, missing);
  }

  private Path folder(String name, String... classes) throws IOException {
    Path folder = root.resolve(name);
    for (String file : classes) {
      Files.createDirectories(folder.resolve(file).getParent());
      Files.write(folder.resolve(file), new byte[] {(byte) 0xCA, (byte) 0xFE});
    }
    return folder;
  }

  private Path jarOf(String name, Path classes, String entry) throws IOException {
    Path jar = root.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(entry));
      out.write(Files.readAllBytes(classes.resolve(entry)));
      out.closeEntry();
    }
    return jar;
  }

  private Path jar(String name, String... entries) throws IOException {
    Path jar = root.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String entry : entries) {
        out.putNextEntry(new JarEntry(entry));
        out.closeEntry();
      }
    }
    return jar;
  }
}
