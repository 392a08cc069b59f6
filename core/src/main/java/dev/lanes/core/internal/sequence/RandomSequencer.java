package dev.lanes.core.internal.sequence;

import dev.lanes.spi.TestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * {@code sequence.shuffle}: the files in an order drawn from the seed, so a failing order can be replayed with
 * {@code --sequence.seed}. Groups still run in their order; the draw starts from a fixed order, so the same seed
 * gives the same order whatever order the files were found in.
 */
public final class RandomSequencer extends BaseSequencer {
  public RandomSequencer(Context context) {
    super(context);
  }

  @Override
  public List<TestSpecification> sort(List<TestSpecification> files) {
    List<TestSpecification> shuffled = new ArrayList<>(files);
    shuffled.sort(Comparator.comparing((TestSpecification file) -> file.project().name())
        .thenComparing(TestSpecification::moduleId));
    Collections.shuffle(shuffled, new Random(context.seed()));
    shuffled.sort(Comparator.comparingInt(context::groupOrder)); // stable: the draw's order within each group
    return shuffled;
  }
}
