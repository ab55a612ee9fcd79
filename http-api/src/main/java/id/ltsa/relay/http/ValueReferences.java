package id.ltsa.relay.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Writes two kinds of reference to a named value schema (an enum such as {@code LinkDiagnosis}, an {@code Instant},
 * a bounded count) as that schema's own keywords: a nullable field ({@code anyOf: [$ref, null]}), which becomes the
 * value's keywords plus null, and the values of a map ({@code additionalProperties}).
 *
 * <p>Why: the documents are OpenAPI 3.0.3 (ADR 0007), and SmallRye writes both under 3.0 as {@code allOf: [$ref]}
 * beside other keywords. Under 3.0, {@code nullable} does not reach into {@code allOf}, so a validator or a generated
 * client reads such a field as never null while the service sends null (no diagnosis while the link is UP); and 3.0
 * linters do not look into {@code allOf} for a map value's bounds. Copying the few keywords of a value schema keeps
 * one meaning for every reader. Object schemas stay references.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = ProblemDocumentation.PRIORITY)
public class ValueReferences implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> components = Optional.ofNullable(openAPI.getComponents())
                .map(c -> c.getSchemas())
                .orElse(Map.of());
        components.values().forEach(schema -> visit(schema, components));
    }

    private void visit(Schema schema, Map<String, Schema> components) {
        List<Schema> fields = new ArrayList<>();
        if (schema.getProperties() != null) {
            fields.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            fields.add(schema.getItems());
        }
        for (Schema field : fields) {
            if (field.getRef() != null && field.getType() != null) {
                // a described field of a named type: SmallRye writes the type beside the reference, and under 3.0
                // linters then judge the bare type (a string without limits) instead of what the reference says
                field.setType(null);
            }
            inlineNullableValue(field, components);
            visit(field, components);
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            Schema mapValue = schema.getAdditionalPropertiesSchema();
            valueSchema(mapValue.getRef(), components).ifPresent(named -> {
                mapValue.setRef(null);
                copyKeywords(named, mapValue);
            });
            inlineNullableValue(mapValue, components);
        }
    }

    private void inlineNullableValue(Schema field, Map<String, Schema> components) {
        List<Schema> anyOf = field.getAnyOf();
        if (anyOf == null || anyOf.size() != 2 || anyOf.stream().noneMatch(ValueReferences::isNull)) {
            return;
        }
        Optional<Schema> value = anyOf.stream()
                .map(option -> valueSchema(option.getRef(), components))
                .flatMap(Optional::stream)
                .findFirst();
        if (value.isEmpty()) {
            return;
        }
        field.setAnyOf(null);
        copyKeywords(value.get(), field);
        List<SchemaType> types = new ArrayList<>(value.get().getType());
        types.add(SchemaType.NULL);
        field.setType(types);
        if (value.get().getEnumeration() != null) {
            // null is one of the values: under 3.0, nullable does not widen an enum by itself
            List<Object> values = new ArrayList<>(value.get().getEnumeration());
            values.add(null);
            field.setEnumeration(values);
        }
    }

    /** The component {@code ref} names, if it is a value (typed, without properties). */
    private static Optional<Schema> valueSchema(String ref, Map<String, Schema> components) {
        if (ref == null || !ref.startsWith(COMPONENT_PREFIX)) {
            return Optional.empty();
        }
        Schema named = components.get(ref.substring(COMPONENT_PREFIX.length()));
        return named != null && named.getProperties() == null && named.getType() != null
                ? Optional.of(named)
                : Optional.empty();
    }

    /** The value keywords {@code field} does not set itself. */
    private static void copyKeywords(Schema named, Schema field) {
        if (field.getType() == null) {
            field.setType(named.getType());
        }
        if (field.getFormat() == null) {
            field.setFormat(named.getFormat());
        }
        if (field.getPattern() == null) {
            field.setPattern(named.getPattern());
        }
        if (field.getMaxLength() == null) {
            field.setMaxLength(named.getMaxLength());
        }
        if (field.getMinLength() == null) {
            field.setMinLength(named.getMinLength());
        }
        if (field.getMinimum() == null) {
            field.setMinimum(named.getMinimum());
        }
        if (field.getMaximum() == null) {
            field.setMaximum(named.getMaximum());
        }
        if (field.getEnumeration() == null) {
            field.setEnumeration(named.getEnumeration());
        }
    }

    private static boolean isNull(Schema schema) {
        return schema.getRef() == null && List.of(SchemaType.NULL).equals(schema.getType());
    }
}
