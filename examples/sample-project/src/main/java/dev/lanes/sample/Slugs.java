package dev.lanes.sample;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from titles. */
public final class Slugs {
  private Slugs() {
  }

  public static String slugify(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
