"""What an editor reads about what the sanitizer removed: Vietnamese, one sentence on
what was removed and why, one on what to do."""

from .urls import host_of

ADMIN_HINT = "Nếu thật sự cần, hãy nhờ người quản trị trang."


def dropped_element_message(tag):
    if tag == "script":
        return (
            "Đã bỏ đoạn mã <script> khỏi bài: trang không cho chạy mã lệnh viết trong bài, để bảo vệ "
            f"máy của người đọc. Xóa đoạn này khỏi tệp. {ADMIN_HINT}"
        )
    return (
        f"Đã bỏ khối <{tag}> khỏi bài: kiểu chữ, màu sắc do giao diện của trang quy định. "
        "Xóa khối này khỏi tệp."
    )


def unknown_tag_message(tag, handlers):
    carried = f" (kèm mã lệnh “{', '.join(handlers)}”)" if handlers else ""
    return (
        f"Đã bỏ thẻ <{tag}>{carried}, giữ lại chữ bên trong: thẻ này không dùng được trong bài. "
        "Hãy viết bằng Markdown (chữ đậm, liên kết, ảnh, bảng…) thay cho mã HTML."
    )


def handler_message(tag, name):
    return (
        f"Đã bỏ thuộc tính “{name}” của thẻ <{tag}>: đó là mã lệnh chạy trên máy người đọc, "
        f"trang không cho phép. Xóa thuộc tính này khỏi tệp. {ADMIN_HINT}"
    )


def style_message(tag):
    return (
        f"Đã bỏ thuộc tính “style” của thẻ <{tag}>: kiểu chữ, màu sắc do giao diện của trang quy định "
        "(trình duyệt cũng không áp dụng định dạng viết trong bài). Xóa thuộc tính này khỏi tệp."
    )


def attribute_message(tag, name):
    return (
        f"Đã bỏ thuộc tính “{name}” của thẻ <{tag}>: thuộc tính này không dùng được trong bài. "
        "Xóa thuộc tính này khỏi tệp."
    )


def url_message(tag, url):
    what = "ảnh" if tag == "img" else "liên kết"
    return (
        f"Đã bỏ địa chỉ {what} “{shorten(url)}”: địa chỉ kiểu này chạy mã lệnh hoặc không an toàn. "
        "Chỉ dùng địa chỉ bắt đầu bằng https://, http://, mailto:, tel: hoặc đường dẫn tới tệp "
        "trong trang (ví dụ images/2024/anh.jpg)."
    )


def embed_message(url, hosts):
    host = host_of(url) or url
    if host in hosts:  # a listed host, but not over https://
        return (
            f"Đã bỏ khung nhúng (iframe) “{shorten(url)}”: chỉ nhúng được địa chỉ bắt đầu bằng "
            "https:// (có chữ s). Sửa địa chỉ trong mã nhúng thành https://…"
        )
    allowed = ", ".join(hosts) or "(chưa có trang nào)"
    return (
        f"Đã bỏ khung nhúng (iframe) từ “{shorten(host)}”: trang chỉ cho nhúng nội dung https:// từ "
        f"{allowed}. Nếu cần nhúng từ trang này, hãy nhờ người quản trị trang thêm "
        f"“{shorten(host)}” vào CONTENT_EMBED_HOSTS trong pelicanconf.py."
    )


def cover_message(url):
    return (
        f"Đã bỏ ảnh đại diện “{shorten(url)}”: địa chỉ kiểu này không an toàn. Ghi đường dẫn tới "
        "tệp ảnh trong content/ (ví dụ images/2024/anh.jpg) hoặc một địa chỉ https://."
    )


def shorten(text, limit=60):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
