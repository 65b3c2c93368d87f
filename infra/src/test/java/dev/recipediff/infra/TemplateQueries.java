package dev.recipediff.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/** Small readers over the synthesized template, so the tests say what they check. */
final class TemplateQueries {

    private TemplateQueries() {}

    static String logicalId(RecipediffStack stack, IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }

    static Map<String, Object> ref(RecipediffStack stack, IConstruct construct) {
        return Map.of("Ref", logicalId(stack, construct));
    }

    static Map<String, Object> arnOf(RecipediffStack stack, IConstruct construct) {
        return Map.of("Fn::GetAtt", List.of(logicalId(stack, construct), "Arn"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Template template, String logicalId) {
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        Map<String, Object> resource = (Map<String, Object>) resources.get(logicalId);
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resource(Template template, String logicalId) {
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        return (Map<String, Object>) resources.get(logicalId);
    }

    /** Every statement of the customer-managed policy of {@code function}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Template template, RecipediffStack stack, LambdaFunction function) {
        Map<String, Object> document = (Map<String, Object>)
                properties(template, logicalId(stack, function.permissions())).get("PolicyDocument");
        return new ArrayList<>((List<Map<String, Object>>) document.get("Statement"));
    }

    static List<String> asList(Object actionOrActions) {
        if (actionOrActions instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(actionOrActions));
    }
}
