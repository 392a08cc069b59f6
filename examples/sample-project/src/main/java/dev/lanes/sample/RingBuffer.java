package dev.lanes.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** A bounded queue that overwrites its oldest element when full. */
public final class RingBuffer<T> {
  private final Object[] items;
  private int head;
  private int size;

  public RingBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    items = new Object[capacity];
  }

  public void add(T item) {
    items[(head + size) % items.length] = item;
    if (size < items.length) {
      size++;
    } else {
      head = (head + 1) % items.length;
    }
  }

  @SuppressWarnings("unchecked")
  public T poll() {
    if (size == 0) {
      throw new NoSuchElementException("empty");
    }
    T item = (T) items[head];
    items[head] = null;
    head = (head + 1) % items.length;
    size--;
    return item;
  }

  public int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  public List<T> snapshot() {
    List<T> list = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      list.add((T) items[(head + i) % items.length]);
    }
    return list;
  }
}
