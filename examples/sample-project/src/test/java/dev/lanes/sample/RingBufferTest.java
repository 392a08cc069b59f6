package dev.lanes.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RingBufferTest {
  @Test
  void keepsInsertionOrder() {
    RingBuffer<String> buffer = new RingBuffer<>(3);
    buffer.add("a");
    buffer.add("b");
    assertEquals(List.of("a", "b"), buffer.snapshot());
  }

  @Test
  void overwritesTheOldestWhenFull() {
    RingBuffer<Integer> buffer = new RingBuffer<>(2);
    buffer.add(1);
    buffer.add(2);
    buffer.add(3);
    assertEquals(List.of(2, 3), buffer.snapshot());
  }

  @Test
  void pollsInOrder() {
    RingBuffer<Integer> buffer = new RingBuffer<>(2);
    buffer.add(1);
    buffer.add(2);
    assertEquals(1, buffer.poll());
    assertEquals(1, buffer.size());
  }

  @Test
  void refusesToPollWhenEmpty() {
    assertThrows(NoSuchElementException.class, () -> new RingBuffer<String>(1).poll());
  }
}
