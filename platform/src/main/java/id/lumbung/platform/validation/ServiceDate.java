package id.lumbung.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date of the programs' business (a collection window, a signing, a life event): within 2000–2099, so that a
 * year 1 or 10000 typed by mistake is refused instead of stored.
 */
@Documented
@Constraint(validatedBy = ServiceDate.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ServiceDate {

    String message() default "must be a date between 2000-01-01 and 2099-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    LocalDate FIRST = LocalDate.of(2000, 1, 1);
    LocalDate LAST = LocalDate.of(2099, 12, 31);

    class Validator implements ConstraintValidator<ServiceDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(FIRST) && !value.isAfter(LAST);
        }
    }
}
