package dev.recipediff.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recipediff.emulators.dynamodb.DynaliteExtension;
import dev.recipediff.emulators.dynamodb.DynaliteProcess;
import dev.recipediff.emulators.s3.S3ProxyExtension;
import dev.recipediff.emulators.sqs.ElasticMqExtension;
import dev.recipediff.functions.auth.Identity;
import dev.recipediff.functions.auth.Scope;
import dev.recipediff.functions.auth.TokenService;
import dev.recipediff.functions.config.AwsClients;
import dev.recipediff.functions.config.FunctionsEnvironment;
import dev.recipediff.functions.store.RecipeTable;
import dev.recipediff.functions.store.TokenRecords;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The operational commands of docs/deploy.md, run through the CLI's entry point against a "deployed stack": its
 * outputs come from a CloudFormation {@code DescribeStacks} answer ({@link CloudFormationStub}), its table, bucket
 * and queues are the emulators, reached with {@code --endpoint-url-*} — the AWS code path with other endpoints.
 */
@ExtendWith(DynaliteExtension.class)
class OperateADeployedStackIT {

    static final String STACK = "Recipediff-staging";
    static final String TABLE = "recipediff-operate-it";

    @RegisterExtension
    static final S3ProxyExtension S3 = new S3ProxyExtension("recipediff-staging-files");

    @RegisterExtension
    static final ElasticMqExtension SQS = new ElasticMqExtension();

    static CloudFormationStub cloudFormation;
    static URI dynamoDb;
    static TokenService tokens;

    @TempDir
    Path workDir;

    @BeforeAll
    static void deployedStack(DynaliteProcess dynalite) throws Exception {
        dynamoDb = dynalite.endpoint();
        var table = new RecipeTable(
                new AwsClients(FunctionsEnvironment.builder()
                                .tableName(TABLE)
                                .dynamoDbEndpoint(dynamoDb)
                                .toConfig())
                        .dynamoDb(),
                TABLE);
        table.createIfMissing();
        tokens = new TokenService(new TokenRecords(table), Clock.systemUTC());
        cloudFormation = new CloudFormationStub(
                STACK,
                Map.of(
                        "TableName", TABLE,
                        "BucketName", S3.bucket(),
                        "JobsQueueUrl", SQS.server().queueUrl(),
                        "JobsDeadLetterQueueUrl", SQS.server().deadLetterQueueUrl(),
                        "ApiUrl", "https://abc123.execute-api.us-east-1.amazonaws.com/"));
    }

    @AfterAll
    static void stop() {
        cloudFormation.close();
    }

    @BeforeEach
    void emptyQueues() {
        SQS.purge();
    }

    @Test
    void tokenMintWithTheStackNameMintsInTheStacksTable() {
        var run = recipediff(
                "token",
                "mint",
                "--stack",
                STACK,
                "--region",
                "us-east-1",
                "--kitchen",
                "bakery",
                "--scopes",
                "admin",
                "--label",
                "first admin of bakery");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Identity identity = tokens.authenticate(run.out().strip()).orElseThrow();
        assertThat(identity.kitchen()).isEqualTo("bakery");
        assertThat(identity.scopes()).containsExactly(Scope.ADMIN);
        assertThat(cloudFormation.requests)
                .anyMatch(body -> body.contains("Action=DescribeStacks") && body.contains("StackName=" + STACK));
    }

    @Test
    void theSendersServiceTokenCanBeMinted() {
        var run = recipediff(
                "token",
                "mint",
                "--stack",
                STACK,
                "--kitchen",
                "pipeline",
                "--scopes",
                "service",
                "--label",
                "sender service token");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tokens.authenticate(run.out().strip()).orElseThrow().scopes())
                .containsExactly(Scope.SERVICE);
    }

    @Test
    void theServiceScopeCannotBeCombinedWithOthers() {
        var run = recipediff("token", "mint", "--stack", STACK, "--scopes", "service,admin");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("service scope stands alone");
    }

    @Test
    void anExplicitTableNeedsNoStack() {
        var run = recipediffWithoutStackEndpoints(
                "token",
                "mint",
                "--table",
                TABLE,
                "--endpoint-url-dynamodb",
                dynamoDb.toString(),
                "--kitchen",
                "bakery",
                "--scopes",
                "read,write");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(tokens.authenticate(run.out().strip()).orElseThrow().scopes())
                .containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
    }

    @Test
    void submitUploadsIntoTheStacksBucket() throws Exception {
        Path make = Files.writeString(workDir.resolve("pie.json"), "{\"recipeId\":\"pie\",\"madeBy\":\"ana\"}");

        var run = recipediff("submit", "--stack", STACK, "--kitchen", "bakery", make.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(S3.client()
                        .getObjectAsBytes(b -> b.bucket(S3.bucket()).key("bakery/makes/pie.json"))
                        .asUtf8String())
                .contains("\"madeBy\":\"ana\"");
    }

    @Test
    void statusShowsTheStacksQueuesAndFiles() {
        SQS.client()
                .sendMessage(b -> b.queueUrl(SQS.server().deadLetterQueueUrl()).messageBody("{}"));
        S3.client().putObject(b -> b.bucket(S3.bucket()).key("cafe/recipes/soup.json"), RequestBody.fromString("{}"));

        var run = recipediff("status", "--stack", STACK);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("api https://abc123.execute-api.us-east-1.amazonaws.com/")
                .contains("dead-letter queue: 1")
                .contains("kitchen cafe: 1 recipe files");
    }

    @Test
    void redriveMovesTheStacksDeadLettersBack() {
        SQS.client()
                .sendMessage(b -> b.queueUrl(SQS.server().deadLetterQueueUrl()).messageBody("{\"job\":1}"));

        var run = recipediff("redrive", "--stack", STACK);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 message(s) moved back");
        assertThat(SQS.client()
                        .receiveMessage(b -> b.queueUrl(SQS.server().queueUrl()).waitTimeSeconds(1))
                        .messages())
                .extracting(m -> m.body())
                .containsExactly("{\"job\":1}");
    }

    @Test
    void reconcileQueuesTheStacksFilesWithoutAnOutcome() {
        S3.client().putObject(b -> b.bucket(S3.bucket()).key("deli/makes/stew.json"), RequestBody.fromString("{}"));

        var run = recipediff("reconcile", "--stack", STACK, "--older-than", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("[1-9]\\d* enqueued again");
        assertThat(SQS.client()
                        .receiveMessage(b -> b.queueUrl(SQS.server().queueUrl())
                                .waitTimeSeconds(1)
                                .maxNumberOfMessages(10))
                        .messages())
                .anyMatch(m -> m.body().contains("deli/makes/stew.json"));
    }

    @Test
    void explicitQueueAndBucketNamesNeedNoStack() {
        var run = recipediffWithoutStackEndpoints(
                "status",
                "--bucket",
                S3.bucket(),
                "--jobs-queue-url",
                SQS.server().queueUrl(),
                "--dlq-url",
                SQS.server().deadLetterQueueUrl(),
                "--endpoint-url-s3",
                S3.server().endpoint().toString(),
                "--endpoint-url-sqs",
                SQS.server().endpoint().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("jobs queue: 0 waiting");
    }

    @Test
    void anUnknownStackIsAClearError() {
        var run = recipediff("status", "--stack", "Recipediff-nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("cannot read the outputs of stack Recipediff-nope in us-east-1")
                .contains("Stack with id Recipediff-nope does not exist");
    }

    @Test
    void aMissingOutputNamesTheOptionThatGivesIt() {
        var run = recipediffWithoutStackEndpoints("redrive", "--bucket", S3.bucket(), "--region", "eu-west-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no jobs queue for AWS (eu-west-1): pass --jobs-queue-url or --stack NAME");
    }

    record Run(int exitCode, String out, String err) {}

    /** The CLI's entry point, with the emulators and the stubbed CloudFormation as the AWS endpoints. */
    private static Run recipediff(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--endpoint-url-cloudformation",
                cloudFormation.endpoint().toString(),
                "--endpoint-url-s3",
                S3.server().endpoint().toString(),
                "--endpoint-url-sqs",
                SQS.server().endpoint().toString(),
                "--endpoint-url-dynamodb",
                dynamoDb.toString()));
        return recipediffWithoutStackEndpoints(all.toArray(String[]::new));
    }

    private static Run recipediffWithoutStackEndpoints(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = RecipediffCli.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
