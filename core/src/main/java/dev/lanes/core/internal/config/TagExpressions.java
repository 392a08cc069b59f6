package dev.lanes.core.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks JUnit Platform tag expressions ({@code fast & !(slow | flaky)}, {@code any()}, {@code none()}) as the
 * platform's own parser would read them, so a typo in {@code tags} is a configuration error naming its place, not a
 * failure of every file in the workers (which parse the expression with the launcher on the test class path).
 */
final class TagExpressions {
  private final List<String> tokens;
  private int next;

  private TagExpressions(List<String> tokens) {
    this.tokens = tokens;
  }

  /** What is wrong with {@code expression}, or empty when the platform takes it. */
  static Optional<String> check(String expression) {
    List<String> tokens = tokens(expression);
    if (tokens.isEmpty()) {
      return Optional.of("an empty tag expression; give a tag, or an expression such as \"fast & !slow\"");
    }
    TagExpressions parser = new TagExpressions(tokens);
    Optional<String> problem = parser.or();
    if (problem.isEmpty() && parser.next < tokens.size()) {
      problem = Optional.of("unexpected '" + tokens.get(parser.next) + "'");
    }
    return problem.map(p -> "'" + expression + "' is not a tag expression: " + p
        + "; tags are combined with !, & and |, and grouped with parentheses");
  }

  private static List<String> tokens(String expression) {
    List<String> tokens = new ArrayList<>();
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      boolean operator = c == '(' || c == ')' || c == '&' || c == '|' || c == '!';
      if (operator || Character.isWhitespace(c) || c == ',') {
        if (name.length() > 0) {
          tokens.add(name.toString());
          name.setLength(0);
        }
        if (c == ',') {
          tokens.add(",");
        } else if (operator) {
          tokens.add(String.valueOf(c));
        }
      } else {
        name.append(c);
      }
    }
    if (name.length() > 0) {
      tokens.add(name.toString());
    }
    return tokens;
  }

  private Optional<String> or() {
    Optional<String> problem = and();
    while (problem.isEmpty() && peek("|")) {
      next++;
      problem = operand("|").or(this::and);
    }
    return problem;
  }

  private Optional<String> and() {
    Optional<String> problem = not();
    while (problem.isEmpty() && peek("&")) {
      next++;
      problem = operand("&").or(this::not);
    }
    return problem;
  }

  private Optional<String> not() {
    if (peek("!")) {
      next++;
      return operand("!").or(this::not);
    }
    return primary();
  }

  private Optional<String> primary() {
    if (next >= tokens.size()) {
      return Optional.of("it ends where a tag was expected");
    }
    String token = tokens.get(next++);
    if (token.equals("(")) {
      Optional<String> problem = operand("(").or(this::or);
      if (problem.isPresent()) {
        return problem;
      }
      if (!peek(")")) {
        return Optional.of("a '(' is not closed");
      }
      next++;
      return Optional.empty();
    }
    if ((token.equals("any") || token.equals("none")) && peek("(")) {
      next++;
      if (!peek(")")) {
        return Optional.of(token + "( must be " + token + "()");
      }
      next++;
      return Optional.empty();
    }
    if (token.equals(")") || token.equals("&") || token.equals("|") || token.equals(",")) {
      return Optional.of("unexpected '" + token + "'");
    }
    return Optional.empty();
  }

  /** A problem when nothing follows {@code operator}. */
  private Optional<String> operand(String operator) {
    return next >= tokens.size() ? Optional.of("nothing follows '" + operator + "'") : Optional.empty();
  }

  private boolean peek(String token) {
    return next < tokens.size() && tokens.get(next).equals(token);
  }
}
