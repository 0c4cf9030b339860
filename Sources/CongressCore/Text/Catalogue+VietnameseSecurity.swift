/// Vietnamese messages of request validation, separation of duties and independent entry.
extension Catalogue {
    static let vietnameseSecurity: [String: String] = [
        "web.field.missing": "Thiếu trường “{0}”.",
        "web.field.number": "Trường “{0}”: “{1}” không dùng được — cần một số nguyên từ {2} đến {3}.",
        "web.field.day": "Trường “{0}”: “{1}” không phải là một ngày hợp lệ — viết theo dạng dd/mm/yyyy, từ {2} đến {3}.",
        "web.field.tooLong": "Trường “{0}” dài quá giới hạn ({1}).",
        "web.field.choice": "Trường “{0}”: “{1}” không phải là một lựa chọn hợp lệ ({2}).",
        "web.duty.ownGrants": "Không ai tự thay đổi vai trò của chính mình: một quản trị viên khác phải làm việc này.",
        "web.duty.incompatible": "Một tài khoản không được giữ đồng thời vai trò “{0}” và “{1}” trên cùng một phạm vi (đơn vị {2}): phân tách nhiệm vụ.",
        "web.duty.memberUnknown": "Mã đảng viên “{0}” không có trong phạm vi bạn quản lý.",
        "web.board.noBoard": "Đại hội chưa biểu quyết Ban Kiểm phiếu (R-E-4): chưa ai được kiểm phiếu.",
        "web.board.notMember": "Tài khoản của bạn không gắn với một thành viên Ban Kiểm phiếu của đại hội này (R-E-4).",
        "web.board.headCertifies": "Chỉ Trưởng Ban Kiểm phiếu ({0}) xác nhận kết quả (R-E-28).",
        "web.stack.notFinished": "Tập phiếu {0} chưa được nhập xong đủ các lượt: chưa thể đối chiếu (R-E-29).",
        "web.stack.ownStack": "Bạn đã nhập một lượt của tập phiếu {0}: việc đối chiếu và xử lý chênh lệch do thành viên khác của Ban Kiểm phiếu làm (R-E-29).",
        "web.stack.secondMember": "Kết quả xử lý chênh lệch phải được một thành viên thứ hai của Ban Kiểm phiếu xác nhận, không phải người đã đề xuất (R-E-29).",
        "web.stack.unsettled": "Còn chênh lệch chưa được xử lý theo phiếu giấy: hãy điền mọi dòng (R-E-29).",
        "web.stack.proposal": "Đề xuất xử lý của {0}: chờ một thành viên khác xác nhận.",
        "web.stack.noProposal": "Chưa có đề xuất xử lý chênh lệch nào để xác nhận.",
        "web.approval.ownUnit": "Kết quả của đơn vị do cấp ủy cấp trên chuẩn y, không phải người thẩm định của chính đơn vị (R-E-30).",
        "web.approval.reasonRequired": "Hủy kết quả phải có lý do (R-E-30).",
        "web.delegates.unknown": "dòng {0}: mã “{1}” không có trong danh sách đảng viên thuộc phạm vi của bạn",
        "web.signin.slowDown": "Đăng nhập sai nhiều lần: hãy chờ {0} giây rồi thử lại.",
    ]
}
