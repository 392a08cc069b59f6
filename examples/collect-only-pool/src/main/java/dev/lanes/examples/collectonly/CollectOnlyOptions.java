package dev.lanes.examples.collectonly;

/**
 * {@code poolOptions.collect-only}.
 *
 * @param testAnnotation the annotation that marks a test method, by class name (JUnit Jupiter's {@code @Test} by default)
 */
public record CollectOnlyOptions(String testAnnotation) {
  public CollectOnlyOptions {
    testAnnotation = testAnnotation == null ? "org.junit.jupiter.api.Test" : testAnnotation;
  }
}
