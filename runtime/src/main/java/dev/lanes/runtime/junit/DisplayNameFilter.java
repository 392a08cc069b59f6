package dev.lanes.runtime.junit;

import java.util.regex.Pattern;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps tests whose display name, or an ancestor's, matches Vitest's {@code testNamePattern} (a regular expression);
 * a test whose source is a method also matches by the method's name, as Surefire's {@code -Dtest=Class#method} does.
 */
final class DisplayNameFilter implements PostDiscoveryFilter {
  private final Pattern pattern;

  DisplayNameFilter(String pattern) {
    this.pattern = Pattern.compile(pattern);
  }

  @Override
  public FilterResult apply(TestDescriptor descriptor) {
    if (!descriptor.isTest()) {
      return FilterResult.included("containers are kept");
    }
    for (TestDescriptor d = descriptor; d != null; d = d.getParent().orElse(null)) {
      if (pattern.matcher(d.getDisplayName()).find() || d.getSource().filter(MethodSource.class::isInstance)
          .map(source -> pattern.matcher(((MethodSource) source).getMethodName()).find()).orElse(false)) {
        return FilterResult.included("name matches " + pattern);
      }
    }
    return FilterResult.excluded("name does not match " + pattern);
  }
}
