package io.longhaul.dsl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longhaul.dsl.Problem;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML text to a JSON tree and a {@link SourceMap}, with SnakeYAML's node graph (which keeps every
 * node's start mark). Plain YAML only: anchors, aliases and custom tags are refused, since a
 * runbook is read by people who should see every step where it runs.
 */
public final class YamlTree {
  /** At most this many characters: a 500-step runbook is ~60 kB. */
  public static final int MAX_CHARS = 2_000_000;

  public record Parsed(JsonNode tree, SourceMap positions, List<Problem> problems) {}

  private final String file;
  private final SourceMap map = new SourceMap();
  private final List<Problem> problems = new ArrayList<>();
  private final java.util.Set<Node> anchored =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private YamlTree(String file) {
    this.file = file;
  }

  public static Parsed parse(String file, String text) {
    YamlTree t = new YamlTree(file);
    if (text.length() > MAX_CHARS) {
      t.problems.add(new Problem(file, 1, 1, "", "a runbook is at most " + MAX_CHARS + " chars"));
      return new Parsed(null, t.map, t.problems);
    }
    LoaderOptions options = new LoaderOptions();
    // A few aliases are read, so each is refused at its line below; many are refused outright.
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(MAX_CHARS * 4);
    try {
      Node root = new Yaml(options).compose(new StringReader(text));
      if (root == null) {
        t.problems.add(new Problem(file, 1, 1, "", "the runbook is empty"));
        return new Parsed(null, t.map, t.problems);
      }
      return new Parsed(t.convert(root, ""), t.map, t.problems);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      t.problems.add(
          new Problem(
              file,
              m == null ? 1 : m.getLine() + 1,
              m == null ? 1 : m.getColumn() + 1,
              "",
              "not valid YAML: " + what));
    } catch (RuntimeException e) {
      t.problems.add(new Problem(file, 1, 1, "", "not valid YAML: " + e.getMessage()));
    }
    return new Parsed(null, t.map, t.problems);
  }

  private static SourceMap.Pos pos(Node n) {
    return new SourceMap.Pos(n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
  }

  private JsonNode convert(Node node, String pointer) {
    map.value(pointer, pos(node));
    if (node.getAnchor() != null && anchored.add(node)) {
      problem(node, pointer, "anchors and aliases are not allowed; write the value out");
    }
    return switch (node) {
      case MappingNode m -> mapping(m, pointer);
      case SequenceNode s -> {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Node item : s.getValue()) {
          a.add(convert(item, SourceMap.child(pointer, a.size())));
        }
        yield a;
      }
      case ScalarNode s -> scalar(s, pointer);
      default -> {
        problem(node, pointer, "anchors and aliases are not allowed; write the value out");
        yield JsonNodeFactory.instance.nullNode();
      }
    };
  }

  private ObjectNode mapping(MappingNode m, String pointer) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        problem(t.getKeyNode(), pointer, "a key must be a plain name");
        continue;
      }
      String key = k.getValue();
      String child = SourceMap.child(pointer, key);
      if (o.has(key)) {
        problem(k, child, "`" + key + "` is given twice; keep one");
        continue;
      }
      map.key(child, pos(k));
      o.set(key, convert(t.getValueNode(), child));
    }
    return o;
  }

  private JsonNode scalar(ScalarNode s, String pointer) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    String v = s.getValue();
    Tag tag = s.getTag();
    try {
      if (Tag.NULL.equals(tag)) return f.nullNode();
      if (Tag.BOOL.equals(tag)) return f.booleanNode(v.equalsIgnoreCase("true"));
      if (Tag.INT.equals(tag)) {
        BigInteger i = new BigInteger(v.replace("_", ""));
        // The narrowest node, as JSON reads it back: a pinned definition equals what was parsed.
        if (i.bitLength() < 32) return f.numberNode(i.intValue());
        return i.bitLength() < 64 ? f.numberNode(i.longValue()) : f.numberNode(i);
      }
      if (Tag.FLOAT.equals(tag)) return f.numberNode(Double.parseDouble(v.replace("_", "")));
    } catch (NumberFormatException e) {
      return f.textNode(v);
    }
    if (s.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED
        || s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
      map.quoted(pointer);
    }
    if (!Tag.STR.equals(tag)) {
      problem(s, pointer, "custom tags such as " + tag + " are not allowed");
    }
    return f.textNode(v);
  }

  private void problem(Node n, String pointer, String message) {
    SourceMap.Pos p = pos(n);
    problems.add(new Problem(file, p.line(), p.column(), pointer, message));
  }
}
