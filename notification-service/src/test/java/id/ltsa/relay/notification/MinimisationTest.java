package id.ltsa.relay.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.ltsa.relay.contracts.Topics;
import id.ltsa.relay.localstack.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

/**
 * This service needs how to reach an applicant, never their NIK: it reads {@code ltsa.applicant-contacts}, the status
 * and link topics, and nothing of {@code ltsa.applications}, where the full snapshot travels (issue 16, minimisation).
 */
@QuarkusTest
class MinimisationTest {

    @Test
    void the_service_s_consumers_are_assigned_the_contact_status_and_link_topics_only() {
        try (Admin admin = Admin.create(RealInfrastructure.kafkaAdminConfig())) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertEquals(
                            Set.of(Topics.APPLICANT_CONTACTS, Topics.APPLICATION_STATUS, Topics.CENTRAL_LINK),
                            assignedTopics(admin)));
        }
    }

    /** Every topic a partition of which is assigned to a member of one of this service's consumer groups. */
    private static Set<String> assignedTopics(Admin admin) throws Exception {
        Set<String> groups = new TreeSet<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (group.groupId().startsWith("notification-service")) {
                groups.add(group.groupId());
            }
        }
        Set<String> topics = new TreeSet<>();
        for (ConsumerGroupDescription group :
                admin.describeConsumerGroups(groups).all().get().values()) {
            for (MemberDescription member : group.members()) {
                member.assignment().topicPartitions().forEach(partition -> topics.add(partition.topic()));
            }
        }
        return topics;
    }
}
