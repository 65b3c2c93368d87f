package dev.recipediff.functions.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WatcherNotificationsTest {

    @Test
    void everyCreatedObjectReachesTheWatcherWhateverItsName() {
        for (String key : new String[] {
            "default/makes/MAKE.JSON",
            "default/makes/x.txt",
            "default/recipes/x.json.gz",
            "default/makes/a b ü.json",
            "default//makes/x.json",
            "default/makes/",
            "README"
        }) {
            assertThat(WatcherNotifications.notifies("ObjectCreated:Put", key))
                    .as(key)
                    .isTrue();
        }
    }

    @Test
    void copiesAndMultipartUploadsAreCreatedObjectsToo() {
        assertThat(WatcherNotifications.notifies("ObjectCreated:Copy", "default/makes/x.json"))
                .isTrue();
        assertThat(WatcherNotifications.notifies("ObjectCreated:CompleteMultipartUpload", "default/makes/x.json"))
                .isTrue();
    }

    @Test
    void removalsAreNotNotified() {
        assertThat(WatcherNotifications.notifies("ObjectRemoved:Delete", "default/makes/x.json"))
                .isFalse();
    }

    @Test
    void aSuffixFilterIsCaseSensitiveAsOnS3() {
        var rule = new WatcherNotifications.Rule("s3:ObjectCreated:*", "", ".json");

        assertThat(rule.matches("ObjectCreated:Put", "default/makes/x.json")).isTrue();
        assertThat(rule.matches("ObjectCreated:Put", "default/makes/MAKE.JSON")).isFalse();
    }

    @Test
    void aPrefixFilterIsCaseSensitiveAsOnS3() {
        var rule = new WatcherNotifications.Rule("s3:ObjectCreated:*", "default/", "");

        assertThat(rule.matches("s3:ObjectCreated:Put", "default/makes/x.json")).isTrue();
        assertThat(rule.matches("s3:ObjectCreated:Put", "Default/makes/x.json")).isFalse();
    }

    @Test
    void anExactEventTypeMatchesOnlyThatEvent() {
        var rule = new WatcherNotifications.Rule("s3:ObjectCreated:Put", "", "");

        assertThat(rule.matches("ObjectCreated:Put", "k")).isTrue();
        assertThat(rule.matches("ObjectCreated:Copy", "k")).isFalse();
    }

    @Test
    void anEventTypeWithoutTheS3PrefixIsRefused() {
        assertThatThrownBy(() -> new WatcherNotifications.Rule("ObjectCreated:*", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3:");
    }
}
