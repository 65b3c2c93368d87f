package dev.recipediff.functions.lambda.priming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.functions.testing.EmulatedTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Priming's DynamoDB calls against dynalite: they succeed on a real table and leave it empty. */
@ExtendWith(DynaliteExtension.class)
class AuthorizerPrimingIT {

    @Test
    void everyStepWarmsAgainstTheTableWithoutWritingToIt(DynaliteProcess dynalite) {
        EmulatedTable table = EmulatedTable.create(dynalite, "priming");
        SnapStartPriming priming =
                AuthorizerPriming.create(table.table().client(), table.table().name());

        assertThat(priming.prime()).isEmpty();
        assertThat(table.table()
                        .client()
                        .scan(b -> b.tableName(table.table().name()))
                        .count())
                .isZero();
    }

    @Test
    void aMissingTableFailsItsStepsWithoutStoppingPriming(DynaliteProcess dynalite) {
        EmulatedTable table = EmulatedTable.create(dynalite, "priming-missing");
        SnapStartPriming priming = AuthorizerPriming.create(table.table().client(), "no-such-table");

        assertThat(priming.prime()).containsExactly("dynamodb DescribeTable", "dynamodb GetItem of an absent key");
    }
}
