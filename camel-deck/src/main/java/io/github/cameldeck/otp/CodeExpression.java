package io.github.cameldeck.otp;

import java.util.List;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.ExpressionAdapter;

/**
 * An expression of {@link DeckOneTimeCodes}: what it computes from the exchange, the expressions it reads (initialized
 * with it), and how a route dump shows it. The description never holds a secret or a code.
 */
final class CodeExpression extends ExpressionAdapter {

    private final String description;
    private final List<Expression> inputs;
    private final Function<Exchange, Object> evaluation;

    CodeExpression(String description, List<Expression> inputs, Function<Exchange, Object> evaluation) {
        this.description = description;
        this.inputs = List.copyOf(inputs);
        this.evaluation = evaluation;
    }

    @Override
    public void init(CamelContext context) {
        super.init(context);
        inputs.forEach(input -> input.init(context));
    }

    @Override
    public Object evaluate(Exchange exchange) {
        return evaluation.apply(exchange);
    }

    @Override
    public String toString() {
        return description;
    }
}
