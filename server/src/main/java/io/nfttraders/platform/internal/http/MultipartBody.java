package io.nfttraders.platform.internal.http;

import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.InvalidContentTypeException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A {@code multipart/form-data} body, parsed once it has fully arrived. The parser is the one
 * Tomcat itself uses for {@code getParts()}; Tomcat cannot be asked to parse a body that has
 * already been read, so it is driven here over the buffered bytes, with the same limits.
 *
 * @param parts every part, in order
 * @param fields the parts without a file name, as request parameters
 */
record MultipartBody(List<Part> parts, Map<String, List<String>> fields) {

  /** A part's headers: its name, file name (up to 255 characters, in UTF-8 up to four bytes each) and type. */
  private static final int MAX_PART_HEADER_BYTES = 2_048;

  static MultipartBody parse(BodyBuffer body, String contentType, Charset charset, HttpProperties.Uploads limits, File temporaryFiles) {
    DiskFileItemFactory files = new DiskFileItemFactory((int) limits.memoryThreshold().toBytes(), temporaryFiles);
    files.setDefaultCharset(charset.name());
    FileUpload upload = new FileUpload();
    upload.setFileItemFactory(files);
    upload.setSizeMax(limits.maxBody().toBytes());
    upload.setFileSizeMax(limits.maxFile().toBytes());
    upload.setFileCountMax(limits.maxParts());
    upload.setPartHeaderSizeMax(MAX_PART_HEADER_BYTES);
    List<FileItem> items;
    try (InputStream in = body.open()) {
      items = upload.parseRequest(new Buffered(in, body.size(), contentType, charset));
    } catch (FileCountLimitExceededException e) {
      throw new BodyProblems.TooLarge("An upload has at most " + limits.maxParts() + " parts");
    } catch (FileSizeLimitExceededException e) {
      throw new BodyProblems.TooLarge("A file in an upload is at most " + limits.maxFile().toMegabytes() + " MB");
    } catch (SizeException e) {
      // the whole body, or one part's headers
      throw new BodyProblems.TooLarge("An upload is at most " + limits.maxBody().toMegabytes() + " MB, and a part's headers at most "
          + MAX_PART_HEADER_BYTES + " bytes");
    } catch (InvalidContentTypeException e) {
      throw new BodyProblems.MalformedMultipart("The Content-Type names no multipart boundary");
    } catch (InvalidFileNameException e) {
      throw new BodyProblems.MalformedMultipart("A part's file name contains a NUL character");
    } catch (FileUploadException | IllegalStateException e) {
      // IllegalStateException: part headers that never end, as a charset other than ASCII's supersets reads them
      throw new BodyProblems.MalformedMultipart("The multipart body is malformed or cut short");
    } catch (IOException e) {
      throw new UncheckedIOException("the received upload could not be read back", e);
    }
    try {
      return of(items, charset, temporaryFiles);
    } catch (RuntimeException e) {
      // the parser already wrote large parts to temporary files
      items.forEach(FileItem::delete);
      throw e;
    }
  }

  private static MultipartBody of(List<FileItem> items, Charset charset, File temporaryFiles) {
    List<Part> parts = new ArrayList<>();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (FileItem item : items) {
      ApplicationPart part = new ApplicationPart(item, temporaryFiles);
      checkFileName(part.getSubmittedFileName());
      parts.add(part);
      if (item.isFormField()) {
        fields.computeIfAbsent(item.getFieldName(), name -> new ArrayList<>()).add(field(item, partCharset(item, charset)));
      }
    }
    Map<String, List<String>> immutableFields = new LinkedHashMap<>();
    fields.forEach((name, values) -> immutableFields.put(name, List.copyOf(values)));
    return new MultipartBody(List.copyOf(parts), Collections.unmodifiableMap(immutableFields));
  }

  /** A file name is only a label to us, but a control character in it has no business anywhere. */
  private static void checkFileName(@Nullable String name) {
    if (name == null) {
      return;
    }
    if (name.length() > 255 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new BodyProblems.MalformedMultipart("A part's file name is longer than 255 characters or contains control characters");
    }
  }

  /** The charset a part declares for itself, else the request's. */
  private static Charset partCharset(FileItem item, Charset requestCharset) {
    if (item.getContentType() == null) {
      return requestCharset;
    }
    try {
      Charset declared = MediaType.parseMediaType(item.getContentType()).getCharset();
      return declared == null ? requestCharset : declared;
    } catch (InvalidMediaTypeException | UnsupportedCharsetException e) {
      throw new BodyProblems.MalformedMultipart("The form field '" + item.getFieldName() + "' has a Content-Type that is not a media type"
          + " with a known charset");
    }
  }

  /** A form field's text; bytes that are not text in its charset are refused, not replaced. */
  private static String field(FileItem item, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(item.get())).toString();
    } catch (IOException e) {
      throw new BodyProblems.MalformedMultipart("The form field '" + item.getFieldName() + "' is not text in " + charset.name());
    }
  }

  /** Removes every part's temporary file; each is tried even if another fails. */
  void delete() {
    List<IOException> failures = new ArrayList<>();
    for (Part part : parts) {
      try {
        part.delete();
      } catch (IOException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      UncheckedIOException failure = new UncheckedIOException("could not remove " + failures.size() + " uploaded parts' temporary files",
          failures.getFirst());
      failures.stream().skip(1).forEach(failure::addSuppressed);
      throw failure;
    }
  }

  private record Buffered(InputStream in, long length, String contentType, Charset charset) implements UploadContext {
    @Override
    public long contentLength() {
      return length;
    }

    @Override
    public String getCharacterEncoding() {
      return charset.name();
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }
  }
}
