package health.courses.notification.openapi;

import java.util.ArrayList;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Moves an {@code enum} written on a list field ({@code @Schema(enumeration = ...) List<String>}) to the list's
 * {@code items}, where it means "each value is one of": SmallRye puts it on the array itself, where no array could
 * ever match (smallrye-open-api#2158), and the MicroProfile annotations have no way to address the items.
 */
public class ArrayItemEnums implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        boolean array = schema.getType() != null && schema.getType().contains(SchemaType.ARRAY);
        if (array && schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()
                && schema.getItems() != null) {
            schema.getItems().setEnumeration(new ArrayList<>(schema.getEnumeration()));
            schema.setEnumeration(null);
        }
        return schema;
    }
}
