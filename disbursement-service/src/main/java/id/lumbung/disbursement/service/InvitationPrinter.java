package id.lumbung.disbursement.service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import id.lumbung.disbursement.domain.InvitationCode;
import id.lumbung.disbursement.domain.PayPointKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** Invitations on paper (one A5 page per family) and their QR codes as PNG images. */
public final class InvitationPrinter {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", INDONESIAN);
    private static final Map<PayPointKind, String> KIND = Map.of(
            PayPointKind.POST_OFFICE, "Kantor Pos",
            PayPointKind.COMMUNITY_POINT, "Komunitas",
            PayPointKind.DOOR_TO_DOOR, "Diantar ke rumah (door to door)");

    private InvitationPrinter() {
    }

    /** The QR code of an invitation code, black on white with a quiet zone, as PNG. */
    public static byte[] qrPng(String code, int size) {
        try {
            var matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR code cannot hold " + code.length() + " characters", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page per invitation, in the order given. */
    public static byte[] pdf(List<InvitationService.Printable> invitations) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A5, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Undangan penyaluran bantuan sosial");
            document.open();
            var title = new Font(Font.HELVETICA, 13, Font.BOLD);
            var body = new Font(Font.HELVETICA, 10);
            var strong = new Font(Font.HELVETICA, 10, Font.BOLD);
            var rupiah = NumberFormat.getIntegerInstance(INDONESIAN);
            boolean first = true;
            for (var p : invitations) {
                var i = p.invitation();
                if (!first) {
                    document.newPage();
                }
                first = false;
                var heading = new Paragraph("UNDANGAN PENYALURAN " + i.programCode().replace('_', ' ') + " " + i.period(), title);
                heading.setAlignment(Element.ALIGN_CENTER);
                document.add(heading);
                document.add(new Paragraph(" "));
                document.add(new Paragraph("Kepada Yth. " + p.fullName(), strong));
                document.add(new Paragraph("NIK " + i.recipientNik() + "  ·  Desa/Kelurahan " + i.villageCode(), body));
                document.add(new Paragraph("Bantuan sebesar Rp" + rupiah.format(i.amount()) + " dapat diambil pada:", body));
                document.add(new Paragraph(" "));
                document.add(new Paragraph("Hari/tanggal : " + DAY.format(i.date()), strong));
                document.add(new Paragraph("Pukul        : " + i.time() + " WIB", strong));
                document.add(new Paragraph("Tempat       : " + i.payPointName() + " (" + KIND.get(i.payPointKind()) + ", "
                        + i.payPointCode() + ")", strong));
                document.add(new Paragraph(" "));
                document.add(new Paragraph("Dokumen yang dibawa:", body));
                for (var d : i.documents()) {
                    document.add(new Paragraph("  - " + d, body));
                }
                var qr = Image.getInstance(qrPng(i.code(), 300));
                qr.scaleToFit(150, 150);
                qr.setAlignment(Element.ALIGN_CENTER);
                document.add(qr);
                var code = new Paragraph(InvitationCode.printed(i.code()), strong);
                code.setAlignment(Element.ALIGN_CENTER);
                document.add(code);
                document.add(new Paragraph("Undangan ini tidak dapat dipindahtangankan kecuali kepada anggota KK yang sama.",
                        new Font(Font.HELVETICA, 8, Font.ITALIC)));
            }
            document.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("invitations could not be printed", e);
        }
        return out.toByteArray();
    }
}
