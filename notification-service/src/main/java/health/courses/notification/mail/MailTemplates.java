package health.courses.notification.mail;

import health.courses.notification.contact.Languages;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import java.util.HashMap;
import java.util.Map;

/**
 * One message's Qute templates, text and HTML, in every language patients are written to: {@code <folder>/<language>.txt}
 * and {@code .html}. Loaded when the composer is created, so a missing template stops the start, not a send.
 */
public final class MailTemplates {

    private final Map<String, Template> texts = new HashMap<>();
    private final Map<String, Template> htmls = new HashMap<>();

    public MailTemplates(Engine engine, String folder) {
        for (String language : Languages.SUPPORTED) {
            texts.put(language, required(engine, folder + "/" + language + ".txt"));
            htmls.put(language, required(engine, folder + "/" + language + ".html"));
        }
    }

    /** The text and HTML bodies in {@code language} (one of {@link Languages#SUPPORTED}), {@code data} bound as {@code name}. */
    public MailText render(String language, String subject, String name, Object data) {
        return new MailText(subject, texts.get(language).data(name, data).render(),
                htmls.get(language).data(name, data).render());
    }

    /** The same with several values bound, each under its name (a null value is bound as absent). */
    public MailText render(String language, String subject, Map<String, Object> data) {
        var text = texts.get(language).instance();
        var html = htmls.get(language).instance();
        data.forEach((name, value) -> {
            text.data(name, value);
            html.data(name, value);
        });
        return new MailText(subject, text.render(), html.render());
    }

    private static Template required(Engine engine, String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("Missing template " + id);
        }
        return template;
    }
}
