package dev.recipediff.local.chaos;

import dev.recipediff.emulators.s3.S3ProxyServer;
import dev.recipediff.emulators.s3.S3ProxySettings;
import dev.recipediff.functions.pipeline.Reconciler;
import dev.recipediff.local.chaos.ChaosFaults.Fault;
import dev.recipediff.local.chaos.ChaosPlan.Upload;
import dev.recipediff.local.serve.ServeOptions;
import dev.recipediff.local.serve.ServeRuntime;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code recipediff chaos}: runs {@code serve} in this process, uploads a {@link ChaosPlan} into its bucket while
 * injecting the faults of issue 9 §1, then redrives the DLQ, runs reconcile and accounts for every uploaded object:
 * exactly one terminal state each. The faults, all from outside the product code:
 * <ul>
 *   <li>the API answers 503 for a window: an {@link ApiOutageProxy} owned by this run sits between the sender and
 *       the front door (serve's sender is pointed at it by configuration, {@link ServeOptions#senderApiBaseUrl()});</li>
 *   <li>the sender's SQS pollers are killed without grace and restarted while serve runs on
 *       ({@link ServeRuntime#senderPolling()}, the operator's stop/start);</li>
 *   <li>S3 notifications are dropped: some objects are written through a second S3 endpoint over the same
 *       storage directory, which notifies no one — exactly what a lost notification leaves behind — and
 *       reconcile must find each of them;</li>
 *   <li>the dynalite child process is killed (then serve restarted);</li>
 *   <li>dynalite alone is stopped and restarted on the same port and store while the pipeline runs on
 *       ({@link ServeRuntime#restartDynalite()}, the operator's restart of the DynamoDB emulator);</li>
 *   <li>serve is stopped gracefully (what SIGTERM runs, {@link ServeRuntime#close()}) and restarted;</li>
 *   <li>files are re-uploaded under the same key and with the same content under a new key.</li>
 * </ul>
 * The parts, one job each: {@link ChaosServe} (serve's lifecycle), {@link ChaosUploader} (the objects written),
 * {@link ChaosFaultInjector} (the faults), {@link ChaosQueueWatch} (the queues), {@link ChaosRecovery} (redrive,
 * reconcile) and {@link ChaosInspector} (where each object ended: the {@link ChaosAccounting}).
 */
public final class ChaosRun {

    private static final int BATCHES = 6;

    private final ServeOptions baseOptions;
    private final PrintWriter out;
    private final Random random;

    public ChaosRun(ServeOptions options, long seed, PrintWriter out) {
        this.baseOptions = options.withVisibilityTimeout(Duration.ofSeconds(2));
        this.out = out;
        this.random = new Random(seed);
    }

    /** Runs the plan; the accounting says whether anything was lost or duplicated. */
    public ChaosAccounting run(int files) throws Exception {
        try (ApiOutageProxy proxy = ApiOutageProxy.start()) {
            ChaosServe serve = new ChaosServe(baseOptions.withSenderApiBaseUrl(proxy.endpoint()), proxy);
            serve.start();
            try (S3ProxyServer sideDoor = S3ProxyServer.start(
                    S3ProxySettings.onDisk(serve.options().dataDirectory().s3()))) {
                ChaosFaults faults = new ChaosFaults();
                ChaosQueueWatch queues = new ChaosQueueWatch(serve);
                ChaosUploader uploader = new ChaosUploader(serve, sideDoor, faults);
                ChaosFaultInjector injector = new ChaosFaultInjector(serve, uploader, queues, faults, random);
                uploadUnderFaults(ChaosPlan.of(serve.options().kitchen(), files, random), uploader, injector);
                ChaosRecovery recovery = new ChaosRecovery(serve, queues, faults);
                Reconciler.Result reconciled = recovery.recover(injector.claimsFreeAt());
                ChaosAccounting accounting =
                        new ChaosInspector(serve).account(uploader.uploaded(), faults, recovery.lines());
                accounting.reconciled(faults.times(Fault.NOTIFICATION_DROPPED), reconciled.requeued());
                return accounting;
            } finally {
                serve.stop();
            }
        }
    }

    /** The plan in {@link #BATCHES} batches, a fault after each (the API outage spans the second batch). */
    private void uploadUnderFaults(List<Upload> plan, ChaosUploader uploader, ChaosFaultInjector injector) {
        Set<Integer> dropped = injector.notificationsToDrop(plan.size());
        int perBatch = (plan.size() + BATCHES - 1) / BATCHES;
        for (int batch = 0; batch < BATCHES; batch++) {
            int from = Math.min(plan.size(), batch * perBatch);
            int to = Math.min(plan.size(), (batch + 1) * perBatch);
            if (batch == 1) {
                injector.beginApiOutage();
            }
            for (int i = from; i < to; i++) {
                uploader.upload(plan.get(i), dropped.contains(i));
            }
            out.printf(
                    "%d objects uploaded (plan: %d files)%n",
                    uploader.uploaded().size(), plan.size());
            out.flush();
            switch (batch) {
                case 0 -> injector.killDynaliteThenRestart();
                case 1 -> injector.endApiOutage();
                case 2 -> injector.killSenderPolling();
                case 3 -> injector.reuploadSome(Math.max(2, plan.size() / 20));
                case 4 -> injector.restartGracefully();
                case 5 -> injector.restartDynaliteAlone();
                default -> {}
            }
        }
    }
}
