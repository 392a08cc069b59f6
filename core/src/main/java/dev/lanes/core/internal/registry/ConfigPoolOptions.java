package dev.lanes.core.internal.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import dev.lanes.spi.PoolConfigurationException;
import dev.lanes.spi.PoolOptions;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code poolOptions.<name>} converted with Jackson into the type a pool asks for. Every unknown or
 * ill-typed key is one problem naming the key, where it was written and the valid keys.
 */
public final class ConfigPoolOptions implements PoolOptions {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private final String poolName;
  private final Config options;
  private final Function<ConfigOrigin, String> where;
  private final Map<Class<?>, Object> converted = new HashMap<>();

  public ConfigPoolOptions(String poolName, Config raw, Function<ConfigOrigin, String> where) {
    this.poolName = poolName;
    String path = "poolOptions." + ConfigUtil.quoteString(poolName);
    this.options = raw.hasPath(path) ? raw.getConfig(path) : ConfigFactory.empty();
    this.where = where;
  }

  /**
   * {@code poolOptions} the user wrote for pools no file of this run uses: for a known pool, a warning that they are
   * ignored (added to {@code warnings}); for a name no pool has, a problem with the closest known name.
   */
  public static void checkUnused(Config raw, Set<String> used, Set<String> known, Function<ConfigOrigin, String> where,
                                 List<String> warnings, List<String> problems) {
    if (!raw.hasPath("poolOptions")) {
      return;
    }
    raw.getObject("poolOptions").forEach((name, value) -> {
      if (used.contains(name) || !writtenByUser(value)) {
        return;
      }
      if (known.contains(name)) {
        warnings.add(where.apply(value.origin()) + ": poolOptions." + name + " is set, but no test file of this run"
            + " is in the " + name + " pool: they are ignored.");
      } else {
        problems.add(where.apply(value.origin()) + ": poolOptions." + name + ": no pool is named '" + name + "'"
            + dev.lanes.core.internal.config.Suggestions.didYouMean(name, known) + "; known pools: "
            + String.join(", ", known) + ".");
      }
    });
  }

  /** Whether a value holds anything besides the pools' own defaults (their {@code reference.conf}). */
  private static boolean writtenByUser(ConfigValue value) {
    if (value instanceof com.typesafe.config.ConfigObject object) {
      return object.values().stream().anyMatch(ConfigPoolOptions::writtenByUser);
    }
    String resource = value.origin().resource();
    return resource == null || !resource.endsWith("reference.conf");
  }

  @Override
  public String poolName() {
    return poolName;
  }

  @Override
  public synchronized <T> T as(Class<T> type) {
    Object value = converted.get(type);
    if (value == null) {
      value = convert(type);
      converted.put(type, value);
    }
    return type.cast(value);
  }

  private <T> T convert(Class<T> type) {
    Set<String> valid = validKeys(type);
    List<String> problems = new ArrayList<>();
    // what the type's constructor refused with one key alone; a key may need another (a connectFile with agents = 0),
    // so these count only if the whole object is refused as well
    List<String> refusals = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> entry : options.root().entrySet()) {
      String key = entry.getKey();
      String at = where.apply(entry.getValue().origin());
      if (!valid.contains(key)) {
        problems.add(at + ": poolOptions." + poolName + " has no key '" + key + "'; valid keys: "
            + String.join(", ", valid) + ".");
        continue;
      }
      if (entry.getValue() instanceof ConfigObject nested
          && !checkNested(nested, componentType(type, key), poolName + "." + key, problems)) {
        continue; // its own keys said what is wrong, at their depth
      }
      try {
        com.fasterxml.jackson.databind.JsonNode single = MAPPER.valueToTree(Map.of(key, entry.getValue().unwrapped()));
        MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(single);
      } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
        // the options type refused the value itself (its constructor checks it): its reason is the message
        Throwable reason = e.getCause() != null ? e.getCause() : e;
        refusals.add(at + ": poolOptions." + poolName + "." + key + " = " + entry.getValue().render() + ": "
            + reason.getMessage());
      } catch (Exception e) {
        problems.add(at + ": poolOptions." + poolName + "." + key + " = " + entry.getValue().render()
            + " is not a valid " + expectedType(type, key) + ".");
      }
    }
    if (!problems.isEmpty()) {
      problems.addAll(refusals);
      throw new PoolConfigurationException(problems);
    }
    try {
      return MAPPER.convertValue(options.root().unwrapped(), type);
    } catch (IllegalArgumentException e) {
      if (!refusals.isEmpty()) {
        throw new PoolConfigurationException(refusals);
      }
      if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException refused
          && refused.getCause() != null) {
        throw new PoolConfigurationException(List.of(where.apply(options.origin()) + ": poolOptions." + poolName
            + ": " + refused.getCause().getMessage()));
      }
      throw new PoolConfigurationException(List.of(where.apply(options.origin()) + ": poolOptions." + poolName
          + " cannot be read as " + type.getSimpleName() + ": " + e.getMessage()));
    }
  }

  /**
   * The keys of a nested options object against its record's components, at every depth: false, with a problem
   * for each key no component has ({@code poolOptions.nice.forks has no key 'execArgs'; valid keys: ...}).
   */
  private boolean checkNested(ConfigObject object, Class<?> type, String path, List<String> problems) {
    if (type == null || !type.isRecord()) {
      return true; // a map, a list or a bean: Jackson's own reading says what is wrong
    }
    Set<String> valid = validKeys(type);
    boolean fine = true;
    for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
      String at = where.apply(entry.getValue().origin());
      if (!valid.contains(entry.getKey())) {
        problems.add(at + ": poolOptions." + path + " has no key '" + entry.getKey() + "'; valid keys: "
            + String.join(", ", valid) + ".");
        fine = false;
      } else if (entry.getValue() instanceof ConfigObject deeper) {
        fine &= checkNested(deeper, componentType(type, entry.getKey()), path + "." + entry.getKey(), problems);
      }
    }
    return fine;
  }

  private static Class<?> componentType(Class<?> type, String key) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(key)) {
          return component.getType();
        }
      }
    }
    return null;
  }

  private static Set<String> validKeys(Class<?> type) {
    Set<String> keys = new TreeSet<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        keys.add(component.getName());
      }
      return keys;
    }
    JavaType javaType = MAPPER.constructType(type);
    for (BeanPropertyDefinition property : MAPPER.getDeserializationConfig().introspect(javaType).findProperties()) {
      keys.add(property.getName());
    }
    return keys;
  }

  private static String expectedType(Class<?> type, String key) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(key)) {
          return component.getGenericType().getTypeName().replace("java.lang.", "").replace("java.util.", "");
        }
      }
    }
    return "value";
  }
}
