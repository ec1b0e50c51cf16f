package org.keagen.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.node.expression.AddExpression;
import io.pebbletemplates.pebble.node.expression.ConcatenateExpression;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.OperatorUtils;
import java.util.List;

/**
 * Pebble's joining operators ({@code ~} and {@code +}) with a bound: a join whose operands hold more
 * than the sandbox's output cap is refused before it is built, so a long chain of joins costs time
 * linear in the template, not quadratic in what it has built so far.
 */
final class BoundedOperators {
  private BoundedOperators() {}

  /** The operators with {@code ~} and {@code +} replaced by bounded ones. */
  static List<BinaryOperator> bound(List<BinaryOperator> operators) {
    if (operators == null) {
      return null;
    }
    return operators.stream().map(op -> switch (op.getSymbol()) {
      case "~" -> (BinaryOperator) new BinaryOperatorImpl("~", op.getPrecedence(), Concatenation::new, op.getType(),
          op.getAssociativity());
      case "+" -> (BinaryOperator) new BinaryOperatorImpl("+", op.getPrecedence(), Addition::new, op.getType(),
          op.getAssociativity());
      default -> op;
    }).toList();
  }

  private static void check(Object left, Object right, String operator, int line, PebbleTemplateImpl self) {
    if (BoundedFilter.size(left) + BoundedFilter.size(right) > SandboxedTemplates.MAX_OUTPUT_CHARS) {
      throw new SandboxViolation("'" + operator + "' would join more than " + SandboxedTemplates.MAX_OUTPUT_CHARS
          + " characters", line, self.getName());
    }
  }

  /** {@code a ~ b}, bounded. */
  static final class Concatenation extends ConcatenateExpression {
    @Override
    public String evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      Object left = getLeftExpression().evaluate(self, context);
      Object right = getRightExpression().evaluate(self, context);
      check(left, right, "~", getLineNumber(), self);
      return (left == null ? "" : left.toString()) + (right == null ? "" : right.toString());
    }
  }

  /** {@code a + b}, bounded. */
  static final class Addition extends AddExpression {
    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      Object left = getLeftExpression().evaluate(self, context);
      Object right = getRightExpression().evaluate(self, context);
      check(left, right, "+", getLineNumber(), self);
      try {
        return OperatorUtils.add(left, right);
      } catch (RuntimeException e) {
        throw new PebbleException(e, "Could not perform addition", getLineNumber(), self.getName());
      }
    }
  }
}
