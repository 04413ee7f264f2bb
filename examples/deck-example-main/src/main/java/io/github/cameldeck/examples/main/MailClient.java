package io.github.cameldeck.examples.main;

import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

/**
 * A person's e-mail client, for the MFA-by-mail demo's customer and its test (Jakarta Mail): reads the new messages
 * of the INBOX over IMAP and sends over SMTP, both with the person's login, on plain connections to a local server.
 * A reply quotes the message it answers ({@code On ..., ... wrote:} and {@code >} lines), as mail clients do.
 */
final class MailClient {

    private final Session session;
    private final String address;
    private final String login;
    private final String password;

    /**
     * @param host    the mail server (SMTP and IMAP)
     * @param address the person's address, the {@code From} of what it sends
     */
    MailClient(String host, int smtpPort, int imapPort, String address, String login, String password) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        props.put("mail.smtp.auth", "true");
        props.put("mail.imap.host", host);
        props.put("mail.imap.port", String.valueOf(imapPort));
        for (String protocol : List.of("smtp", "imap")) {
            props.put("mail." + protocol + ".connectiontimeout", "5000");
            props.put("mail." + protocol + ".timeout", "10000");
        }
        this.session = Session.getInstance(props);
        this.address = address;
        this.login = login;
        this.password = password;
    }

    String address() {
        return address;
    }

    /** The INBOX's messages not seen yet, oldest first, now marked seen. */
    List<MimeMessage> unread() throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect(login, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    messages.add(new MimeMessage((MimeMessage) message)); // a copy, readable once the folder is closed
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                inbox.close(false);
            }
        }
        return messages;
    }

    /** Sends a new plain-text message. */
    void send(String to, String subject, String text) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(address));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setText(text, "UTF-8");
        Transport.send(message, login, password);
    }

    /**
     * Replies to a message with {@code text}, then the message quoted: {@code On <date>, <sender> wrote:} and its lines
     * after {@code > }.
     */
    void reply(MimeMessage original, String text) throws MessagingException, IOException {
        MimeMessage reply = (MimeMessage) original.reply(false);
        reply.setFrom(new InternetAddress(address));
        reply.setSentDate(new Date());
        reply.setText(text + "\n\n" + quote(original), "UTF-8");
        Transport.send(reply, login, password);
    }

    /** The plain text of a message: its body, or the first {@code text/plain} part of a multipart one. */
    static String textOf(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textOf(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static String quote(MimeMessage original) throws MessagingException, IOException {
        Date sent = original.getSentDate() != null ? original.getSentDate() : new Date();
        Address[] from = original.getFrom();
        String sender = from == null || from.length == 0 ? "someone" : from[0].toString();
        String quoted = textOf(original).lines().map(line -> line.isEmpty() ? ">" : "> " + line)
                .collect(Collectors.joining("\n"));
        return "On " + new SimpleDateFormat("EEE, d MMM yyyy 'at' HH:mm", Locale.ENGLISH).format(sent) + ", " + sender
                + " wrote:\n" + quoted + "\n";
    }
}
