"""What the importer tells an editor about one article: short codes, Vietnamese messages."""

from dataclasses import dataclass

MESSAGES = {
    "title_guessed": (
        "Trang không có tiêu đề: tiêu đề tạm lấy từ câu đầu tiên của bài ({detail}). Sửa lại tiêu đề."
    ),
    "date_from_lead": "Trang không ghi ngày đăng: ngày lấy từ đoạn mở đầu (“{detail}”). Kiểm tra lại.",
    "year_inferred": (
        "Ngày “{detail}” không ghi năm; năm lấy từ “{where}” trong trang (cùng ngày, tháng). Kiểm tra lại."
    ),
    "year_missing": (
        "Ngày “{detail}” không ghi năm và trang không cho biết chắc năm nào{where}: "
        "ghi ngày đầy đủ (date: ngày/tháng/năm)."
    ),
    "date_missing": "Không tìm thấy ngày đăng: ghi ngày (date: ngày/tháng/năm).",
    "duplicate_paragraph": "Đoạn “{detail}” lặp lại ngay sau chính nó: đã bỏ bản lặp.",
    "credit_unknown": (
        "Dòng ghi nguồn “{detail}” không rõ dạng nên được để nguyên cuối bài: "
        "ghi author, photographer (hoặc credit) rồi xóa dòng đó."
    ),
    "credit_missing": "Không thấy dòng ghi nguồn (tác giả) cuối bài: ghi author nếu biết.",
    "image_missing": (
        "Không tìm thấy ảnh “{detail}” trong trang đã lưu (thư mục _files): tải ảnh về, "
        "chép vào content/images/ và sửa đường dẫn trong bài."
    ),
    "old_url_missing": (
        "Trang đã lưu không cho biết địa chỉ cũ: không tạo được chuyển hướng từ đường dẫn cũ "
        "(ghi old_urls nếu biết)."
    ),
    "old_url_shared": (
        "Địa chỉ cũ “{detail}” cũng là địa chỉ của bài khác (trang danh sách?) nên không được ghi."
    ),
    "old_url_not_recorded": (
        "Không ghi được địa chỉ cũ “{detail}” vào bài đã có: thêm vào old_urls của bài đó bằng tay."
    ),
    "table_merged": "Bảng có ô gộp đã được chuyển thành bảng đơn giản: xem lại bảng.",
    "old_attachment": (
        "Bài liên kết tới tệp “{detail}” trên cổng cũ: tải tệp về, đăng lại trên trang mới và sửa liên kết "
        "trước khi cổng cũ ngừng chạy."
    ),
    "encoding": "Tệp không lưu bằng UTF-8: đã đọc theo bảng mã {detail}; kiểm tra dấu tiếng Việt.",
    "content_check": "Kiểm tra nội dung: {detail}",
}
# Flags that keep an article a draft until an editor has looked.
DRAFT_FLAGS = ("title_guessed", "year_missing", "date_missing")
# Flags saying the importer guessed a field (listed as such in the summary).
GUESSES = ("title_guessed", "date_from_lead", "year_inferred")


@dataclass
class Flag:
    code: str
    detail: str = ""
    where: str = ""

    @property
    def message(self):
        return MESSAGES[self.code].format(detail=self.detail, where=self.where)

    def as_dict(self):
        return {"code": self.code, "message": self.message}


# The summary counts the other flags under these short labels.
SHORT = {
    "duplicate_paragraph": "có đoạn lặp lại, đã bỏ bản lặp",
    "credit_unknown": "dòng ghi nguồn không rõ dạng, để nguyên cuối bài",
    "credit_missing": "không thấy dòng ghi nguồn",
    "image_missing": "thiếu ảnh trong trang đã lưu",
    "old_url_missing": "không biết địa chỉ cũ, không chuyển hướng được",
    "old_url_shared": "địa chỉ cũ chung với bài khác, không ghi",
    "old_url_not_recorded": "địa chỉ cũ chưa ghi được vào bài đã có",
    "table_merged": "bảng có ô gộp, cần xem lại",
    "old_attachment": "liên kết tới tệp (PDF, Word…) trên cổng cũ",
    "encoding": "tệp không lưu bằng UTF-8",
    "content_check": "lỗi khi kiểm tra nội dung",
}
