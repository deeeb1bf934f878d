package io.nfttraders.support.hostile;

import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.nfttraders.support.RawHttp;
import io.nfttraders.support.hostile.JsonDocuments.Document;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL endpoint's variants, generated from its schema: every argument of every query field
 * (and of the fields one level below that take arguments), input objects field by field, given the
 * values {@link HostileValues} chooses for its type, as variables; and every cursor a connection
 * hands out, tampered with byte by byte. The endpoint itself (POST /graphql, not in the OpenAPI
 * document) gets the variants of any JSON operation from {@link HostileVariants}.
 */
public final class GraphQlVariants {

  /** POST /graphql as if the OpenAPI document described it. */
  public static final ApiOperation OPERATION = new ApiOperation("graphql", "POST", "/graphql", List.of(), "application/json",
      Map.of("type", "object", "required", List.of("query"), "properties", Map.of("query", Map.of("type", "string"),
          "variables", Map.of("type", "object"), "operationName", Map.of("type", "string"))), false, Set.of(200, 400, 405, 406, 413, 415));

  private final TypeDefinitionRegistry types;
  private final Map<String, Object> validArguments;

  /** @param validArguments realistic argument values, by "field.argument" (for example "nft.tokenId") */
  public GraphQlVariants(String schema, Map<String, Object> validArguments) {
    this.types = new SchemaParser().parse(schema);
    this.validArguments = validArguments;
  }

  /** Every argument of every field path, hostile in turn; then the connections' cursors tampered with. */
  public List<HostileRequest> arguments(RawHttp http) {
    List<HostileRequest> requests = new ArrayList<>();
    for (List<FieldDefinition> path : paths()) {
      String name = label(path);
      Map<String, Object> schema = variablesSchema(path);
      Map<String, Object> valid = validVariables(path);
      for (Document d : JsonDocuments.properties(schema, valid)) {
        requests.add(request("query " + name + ": " + d.name(), query(path, "__typename"), d.bytes()));
      }
      FieldDefinition last = path.getLast();
      if (last.getInputValueDefinitions().stream().anyMatch(a -> a.getName().equals("after")) && object(last.getType()) != null
          && object(last.getType()).getFieldDefinitions().stream().anyMatch(f -> f.getName().equals("edges"))) {
        requests.addAll(tamperedCursors(http, path, valid));
      }
    }
    return requests;
  }

  /** A realistic request to the endpoint, whose generic variants {@link HostileVariants} makes. */
  public Baseline baseline() {
    List<FieldDefinition> first = paths().getFirst();
    return Baseline.none().withJson(Map.of("query", query(first, "__typename"), "variables", validVariables(first)));
  }

  private List<HostileRequest> tamperedCursors(RawHttp http, List<FieldDefinition> path, Map<String, Object> valid) {
    List<HostileRequest> requests = new ArrayList<>();
    String name = last(path) + "_";
    List<Object> orders = new ArrayList<>();
    orders.add(null);
    path.getLast().getInputValueDefinitions().stream().filter(a -> enumeration(a.getType()) != null).findFirst()
        .ifPresent(sort -> enumeration(sort.getType()).getEnumValueDefinitions().forEach(v -> orders.add(Map.of(name + sort.getName(), v.getName()))));
    // only what must be given: a filter could leave the page empty, and there would be no cursor
    Map<String, Object> required = new LinkedHashMap<>();
    path.forEach(field -> field.getInputValueDefinitions().stream().filter(a -> a.getType() instanceof NonNullType)
        .forEach(a -> required.put(field.getName() + "_" + a.getName(), valid.get(field.getName() + "_" + a.getName()))));
    for (Object order : orders) {
      Map<String, Object> variables = new LinkedHashMap<>(required);
      if (order instanceof Map<?, ?> chosen) {
        chosen.forEach((k, v) -> variables.put(k.toString(), v));
      }
      variables.put(name + "first", 1);
      byte[] body = body(query(path, "edges { cursor }"), Schemas.JSON.writeValueAsBytes(variables));
      RawHttp.Reply reply = http.send("POST /graphql HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n", body);
      if (reply.status() != 200) {
        throw new IllegalStateException("could not read a cursor of " + label(path) + ": " + reply.status() + " " + reply.text());
      }
      String cursor = Schemas.JSON.readTree(reply.body()).findPath("cursor").asString("");
      if (cursor.isEmpty()) {
        throw new IllegalStateException("no cursor to tamper with in " + label(path) + ": " + reply.text());
      }
      for (String tampered : tamper(cursor)) {
        Map<String, Object> withCursor = new LinkedHashMap<>(variables);
        withCursor.put(name + "after", tampered);
        requests.add(request("query " + label(path) + (order == null ? "" : " " + order) + ": a cursor tampered with, " + tampered,
            query(path, "__typename"), Schemas.JSON.writeValueAsBytes(withCursor)));
      }
    }
    return requests;
  }

  /** A real cursor's bytes changed one at a time (to each extreme), cut short and lengthened: keys out of any range the server expects. */
  static List<String> tamper(String cursor) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    List<byte[]> variants = new ArrayList<>();
    for (int i = 0; i < Math.min(bytes.length, 12); i++) {
      for (int value : new int[] {0x00, 0x7f, 0x80, 0xff}) {
        byte[] changed = bytes.clone();
        changed[i] = (byte) value;
        variants.add(changed);
      }
    }
    variants.add(java.util.Arrays.copyOf(bytes, Math.max(0, bytes.length - 1)));
    variants.add(java.util.Arrays.copyOf(bytes, bytes.length + 1));
    return variants.stream().map(b -> Base64.getUrlEncoder().withoutPadding().encodeToString(b)).distinct().toList();
  }

  /** Query fields with arguments, and the fields with arguments of what they answer. */
  private List<List<FieldDefinition>> paths() {
    List<List<FieldDefinition>> paths = new ArrayList<>();
    for (FieldDefinition field : types.getType("Query", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions()) {
      if (!field.getInputValueDefinitions().isEmpty()) {
        paths.add(List.of(field));
      }
      ObjectTypeDefinition answer = object(field.getType());
      if (answer != null) {
        answer.getFieldDefinitions().stream().filter(f -> !f.getInputValueDefinitions().isEmpty()).forEach(f -> paths.add(List.of(field, f)));
      }
    }
    return paths;
  }

  private String query(List<FieldDefinition> path, String leafSelection) {
    StringBuilder declarations = new StringBuilder();
    StringBuilder selection = new StringBuilder();
    for (FieldDefinition field : path) {
      StringBuilder arguments = new StringBuilder();
      for (InputValueDefinition argument : field.getInputValueDefinitions()) {
        String variable = field.getName() + "_" + argument.getName();
        declarations.append(declarations.isEmpty() ? "" : ", ").append('$').append(variable).append(": ").append(AstPrinter.printAst(argument.getType()));
        arguments.append(arguments.isEmpty() ? "" : ", ").append(argument.getName()).append(": $").append(variable);
      }
      selection.append(field.getName()).append(arguments.isEmpty() ? "" : "(" + arguments + ")");
      selection.append(object(field.getType()) == null ? "" : " { ");
    }
    selection.append(object(path.getLast().getType()) == null ? "" : leafSelection);
    path.forEach(f -> selection.append(object(f.getType()) == null ? "" : " }"));
    return "query Hostile" + (declarations.isEmpty() ? "" : "(" + declarations + ")") + " { " + selection + " }";
  }

  private Map<String, Object> variablesSchema(List<FieldDefinition> path) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (FieldDefinition field : path) {
      for (InputValueDefinition argument : field.getInputValueDefinitions()) {
        properties.put(field.getName() + "_" + argument.getName(), schemaOf(argument.getType()));
        if (argument.getType() instanceof NonNullType) {
          required.add(field.getName() + "_" + argument.getName());
        }
      }
    }
    return Map.of("type", "object", "properties", properties, "required", required);
  }

  private Map<String, Object> validVariables(List<FieldDefinition> path) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (FieldDefinition field : path) {
      for (InputValueDefinition argument : field.getInputValueDefinitions()) {
        Object value = validArguments.get(field.getName() + "." + argument.getName());
        if (value != null) {
          variables.put(field.getName() + "_" + argument.getName(), value);
        }
      }
    }
    return variables;
  }

  /** The GraphQL input type as the JSON schema {@link HostileValues} reads. */
  private Map<String, Object> schemaOf(Type<?> type) {
    if (type instanceof NonNullType nonNull) {
      return schemaOf(nonNull.getType());
    }
    if (type instanceof ListType list) {
      return Map.of("type", "array", "items", schemaOf(list.getType()));
    }
    String name = ((TypeName) type).getName();
    return switch (name) {
      case "String", "ID" -> Map.of("type", "string");
      case "Int" -> Map.of("type", "integer");
      case "Float" -> Map.of("type", "number");
      case "Boolean" -> Map.of("type", "boolean");
      default -> {
        var input = types.getType(name, InputObjectTypeDefinition.class);
        if (input.isPresent()) {
          Map<String, Object> properties = new LinkedHashMap<>();
          List<String> required = new ArrayList<>();
          input.get().getInputValueDefinitions().forEach(f -> {
            properties.put(f.getName(), schemaOf(f.getType()));
            if (f.getType() instanceof NonNullType) {
              required.add(f.getName());
            }
          });
          yield Map.of("type", "object", "properties", properties, "required", required);
        }
        EnumTypeDefinition enumeration = types.getType(name, EnumTypeDefinition.class).orElseThrow();
        yield Map.of("type", "string", "enum", enumeration.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList());
      }
    };
  }

  private @Nullable ObjectTypeDefinition object(Type<?> type) {
    return types.getType(baseName(type), ObjectTypeDefinition.class).orElse(null);
  }

  private @Nullable EnumTypeDefinition enumeration(Type<?> type) {
    return types.getType(baseName(type), EnumTypeDefinition.class).orElse(null);
  }

  private static String baseName(Type<?> type) {
    if (type instanceof NonNullType nonNull) {
      return baseName(nonNull.getType());
    }
    return type instanceof ListType list ? baseName(list.getType()) : ((TypeName) type).getName();
  }

  private static String last(List<FieldDefinition> path) {
    return path.getLast().getName();
  }

  private static String label(List<FieldDefinition> path) {
    return String.join(".", path.stream().map(FieldDefinition::getName).toList());
  }

  private static HostileRequest request(String variant, String query, byte[] variables) {
    return Requests.withBody(OPERATION, variant, Baseline.none(), "application/json", body(query, variables));
  }

  private static byte[] body(String query, byte[] variables) {
    return HostileRequest.concat(HostileRequest.utf8("{\"query\":" + Schemas.JSON.writeValueAsString(query) + ",\"variables\":"), variables,
        HostileRequest.utf8("}"));
  }
}
