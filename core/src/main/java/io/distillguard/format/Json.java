package io.distillguard.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Lenient readers for optional values: a value of the wrong type is skipped and reads as null. */
final class Json {

    private Json() {
    }

    /** The string value, or null (value skipped) when the token is not a string. */
    static String string(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** An integral number within int range (integral floats like {@code 100.0} accepted), else null. */
    static Integer integer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
            return null;
        }
        p.skipChildren();
        return null;
    }

    /** Integer value or -1 when absent / not an int. */
    static int intOrMinusOne(JsonParser p, JsonToken t) throws IOException {
        Integer v = integer(p, t);
        return v == null ? -1 : v;
    }

    /** Any finite number as a double, else null. */
    static Double number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return Double.isFinite(d) ? d : null;
        }
        p.skipChildren();
        return null;
    }
}
