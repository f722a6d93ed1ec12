package health.courses.scheduling.course;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CourseList", description = "A page of courses, newest first, each with its sessions")
public record CourseList(
        List<CourseView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
