package org.keagen.source.nautobot.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Nautobot's GraphQL schema, rebuilt from the introspection result of a real server committed as
 * test data ({@code nautobot/schema-<version>.json.gz}). Custom scalars (JSON, GenericScalar,
 * UUID, DateTime, ...) pass values through unchanged, as Nautobot's do for JSON data.
 */
public final class NautobotSchema {
  /** The Nautobot version whose schema the fake serves, the newest committed. */
  public static final String VERSION = "3.2.7";
  /** Every Nautobot version whose schema is committed; the query documents must validate on each. */
  public static final List<String> VERSIONS = List.of("2.4.44", "3.2.7");
  private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");
  private static final Map<String, GraphQLSchema> CACHED = new HashMap<>();
  private static final Map<String, TypeDefinitionRegistry> REGISTRIES = new HashMap<>();

  private NautobotSchema() {}

  /** The resource holding the introspection result of {@code version}. */
  public static String resource(String version) {
    return "/nautobot/schema-" + version + ".json.gz";
  }

  /** The schema of {@link #VERSION} without data fetchers (every field reads the Map key of its name). */
  public static GraphQLSchema get() {
    return get(VERSION);
  }

  /** The schema of {@code version} without data fetchers. */
  public static synchronized GraphQLSchema get(String version) {
    return CACHED.computeIfAbsent(version, v -> build(v, builder -> {}));
  }

  /** The schema of {@link #VERSION} with data fetchers added by {@code wiring}. */
  public static GraphQLSchema build(Consumer<RuntimeWiring.Builder> wiring) {
    return build(VERSION, wiring);
  }

  private static GraphQLSchema build(String version, Consumer<RuntimeWiring.Builder> wiring) {
    TypeDefinitionRegistry registry = registry(version);
    RuntimeWiring.Builder builder = RuntimeWiring.newRuntimeWiring();
    for (ScalarTypeDefinition scalar : registry.scalars().values()) {
      if (!BUILT_IN.contains(scalar.getName())) {
        builder.scalar(passThrough(scalar.getName()));
      }
    }
    registry.types().values().forEach(type -> {
      if (type instanceof InterfaceTypeDefinition || type instanceof UnionTypeDefinition) {
        // rows of an interface or union field name their type in "__typename"
        builder.type(type.getName(), t -> t.typeResolver(env -> env.getSchema().getObjectType(
            String.valueOf(((Map<?, ?>) env.getObject()).get("__typename")))));
      }
    });
    wiring.accept(builder);
    return new SchemaGenerator().makeExecutableSchema(registry, builder.build());
  }

  /** The type definitions of the introspection result, read once (38 MB of JSON). */
  @SuppressWarnings("unchecked")
  private static synchronized TypeDefinitionRegistry registry(String version) {
    TypeDefinitionRegistry registry = REGISTRIES.get(version);
    if (registry != null) {
      return registry;
    }
    Map<String, Object> introspection;
    try (InputStream raw = NautobotSchema.class.getResourceAsStream(resource(version))) {
      if (raw == null) {
        throw new IllegalStateException("missing test resource " + resource(version)
            + "; write it with scripts/nautobot/introspect.py");
      }
      introspection = new ObjectMapper().readValue(new GZIPInputStream(raw), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Document document = new IntrospectionResultToSchema().createSchemaDefinition(introspection);
    registry = new SchemaParser().buildRegistry(document);
    REGISTRIES.put(version, registry);
    return registry;
  }

  private static GraphQLScalarType passThrough(String name) {
    return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
      @Override
      public Object serialize(Object value, GraphQLContext context, Locale locale) {
        return value;
      }

      @Override
      public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        return input;
      }

      @Override
      public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
          Locale locale) {
        return literal(input);
      }
    }).build();
  }

  private static Object literal(Value<?> value) {
    if (value instanceof StringValue s) {
      return s.getValue();
    } else if (value instanceof IntValue i) {
      return i.getValue();
    } else if (value instanceof FloatValue f) {
      return f.getValue();
    } else if (value instanceof BooleanValue b) {
      return b.isValue();
    } else if (value instanceof NullValue) {
      return null;
    } else if (value instanceof ArrayValue a) {
      return a.getValues().stream().map(NautobotSchema::literal).toList();
    } else if (value instanceof ObjectValue o) {
      Map<String, Object> map = new LinkedHashMap<>();
      o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue())));
      return map;
    }
    return List.of();
  }
}
